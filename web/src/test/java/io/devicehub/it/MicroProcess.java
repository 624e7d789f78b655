package io.devicehub.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * DeviceHub started the way {@code bin/run} starts it, by {@code bin/serve} (which prepares a faster start the first
 * time), in a working directory of its own, with the environment a user would give it.
 */
final class MicroProcess implements AutoCloseable {

    /** Generous: the first start after {@code mvn clean} also prepares the faster start (about 40 s). */
    private static final Duration STARTUP = Duration.ofSeconds(300);

    private final Process process;
    private final URL url;
    private final Path log;

    private MicroProcess(Process process, URL url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts DeviceHub in {@code workDir} and waits until it is ready.
     *
     * @param environment variables to set; those of the test run that name a database are removed first, so an
     *                    empty map means "the embedded default"
     */
    static MicroProcess start(Path workDir, Map<String, String> environment) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        int port = freePort();
        Path log = workDir.resolve("payara-micro-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(System.getProperty("devicehub.serve")))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The JDK of the test run, and nothing of its own options or database settings.
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + builder.environment().getOrDefault("PATH", ""));
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().keySet().removeIf(name -> name.startsWith("DB_"));
        builder.environment().putAll(environment);
        MicroProcess micro = new MicroProcess(builder.start(), new URL("http://localhost:" + port + "/"), log);
        micro.awaitReady();
        return micro;
    }

    URL url() {
        return url;
    }

    /** Everything the server printed. */
    Path log() {
        return log;
    }

    /** The status code of {@code GET /health}. */
    int health() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The sockets the server listens on, TCP as {@code address:port} ({@code *} for every interface) and UDP as
     * {@code udp address:port}, read from {@code /proc}: what another machine could reach.
     */
    Set<String> listeningSockets() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(process.pid()),
                "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we looked
                }
            }
        }
        Set<String> sockets = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            List<String> rows = Files.readAllLines(Path.of("/proc/net", table));
            for (String row : rows.subList(1, rows.size())) {
                String[] columns = row.strip().split("\\s+");
                boolean listening = table.startsWith("udp") || columns[3].equals("0A");
                if (listening && inodes.contains(columns[9])) {
                    sockets.add((table.startsWith("udp") ? "udp " : "") + address(columns[1]));
                }
            }
        }
        return sockets;
    }

    /** {@code /proc/net}'s hexadecimal {@code address:port}, as {@code 127.0.0.1:8080} or {@code *:8080}. */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String ip = parts[0];
        if (ip.chars().allMatch(c -> c == '0')) {
            return "*:" + port;
        }
        String v4 = ip.length() == 8 ? ip : ip.startsWith("0000000000000000FFFF0000") ? ip.substring(24) : null;
        if (v4 == null) {
            return ip + ":" + port;
        }
        return Integer.parseInt(v4.substring(6, 8), 16) + "." + Integer.parseInt(v4.substring(4, 6), 16) + "."
                + Integer.parseInt(v4.substring(2, 4), 16) + "." + Integer.parseInt(v4.substring(0, 2), 16) + ":" + port;
    }

    /** Kills the server at once (SIGKILL), as a crash or the OOM killer would, and waits for it to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the server as a service manager would (SIGTERM), and waits for it to end. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped during start-up; see " + log);
            }
            try {
                if (health() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Payara Micro was not ready within " + STARTUP + "; see " + log);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
