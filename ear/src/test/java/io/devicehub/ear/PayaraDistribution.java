package io.devicehub.ear;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Payara Server distribution, {@code fish.payara.distributions:payara:<version>:zip} from Maven Central, kept
 * in the local Maven repository like any artifact and unpacked under {@code target/}. Downloads are checked
 * against Central's SHA-1.
 */
final class PayaraDistribution {

    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private PayaraDistribution() {
    }

    /** The unpacked {@code payara6} directory, downloading and unpacking only what is missing. */
    static Path install(String version, Path localRepository, Path unpackDir) throws IOException, InterruptedException {
        Path home = unpackDir.resolve("payara6");
        if (Files.isRegularFile(home.resolve("glassfish/lib/client/appserver-cli.jar"))) {
            return home;
        }
        String path = "fish/payara/distributions/payara/" + version + "/payara-" + version + ".zip";
        Path zip = localRepository.resolve(path);
        if (!Files.isRegularFile(zip)) {
            download(URI.create(CENTRAL + path), zip);
        }
        unzip(zip, unpackDir);
        return home;
    }

    private static void download(URI uri, Path target) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        HttpResponse<Path> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofFile(partial));
        String expected = http.send(HttpRequest.newBuilder(URI.create(uri + ".sha1")).build(),
                HttpResponse.BodyHandlers.ofString()).body().strip().split("\\s+")[0];
        if (response.statusCode() != 200 || !expected.equalsIgnoreCase(sha1(partial))) {
            Files.deleteIfExists(partial);
            throw new IOException("could not download " + uri + " (HTTP " + response.statusCode() + ")");
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("unsafe entry in " + zip + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
