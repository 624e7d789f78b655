package io.devicehub.ear;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away Payara Server domain driven through {@code asadmin}: created on its own ports, started, given the
 * EAR, stopped and deleted. Nothing here touches any other domain.
 */
final class PayaraServer implements AutoCloseable {

    private static final String DOMAIN = "devicehub-smoke";

    private final Path home;
    private final int portBase;
    private boolean created;

    PayaraServer(Path home, int portBase) {
        this.home = home;
        this.portBase = portBase;
    }

    int httpPort() {
        return portBase + 80;
    }

    private int adminPort() {
        return portBase + 48;
    }

    PayaraServer start() throws IOException, InterruptedException {
        Path domainDir = home.resolve("glassfish/domains").resolve(DOMAIN);
        if (Files.isDirectory(domainDir)) {
            asadmin("stop-domain", DOMAIN);
            asadmin("delete-domain", DOMAIN);
        }
        require(asadmin("create-domain", "--nopassword=true", "--portbase", Integer.toString(portBase), DOMAIN));
        created = true;
        require(asadmin("start-domain", DOMAIN));
        return this;
    }

    void deploy(Path archive) throws IOException, InterruptedException {
        require(asadmin("--port", Integer.toString(adminPort()), "deploy", "--name", "devicehub",
                archive.toAbsolutePath().toString()));
    }

    /** Stops and deletes the domain; {@code -Dsmoke.keep=true} leaves it running for a look at its log. */
    @Override
    public void close() throws IOException {
        if (!created || Boolean.getBoolean("smoke.keep")) {
            return;
        }
        try {
            asadmin("stop-domain", DOMAIN);
            asadmin("delete-domain", DOMAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the domain", e);
        }
    }

    private Result asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        // What bin/asadmin runs; calling the jar directly needs no executable bits from the zip.
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(home.resolve("glassfish/lib/client/appserver-cli.jar").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " did not finish");
        }
        return new Result(String.join(" ", arguments), process.exitValue(), output);
    }

    private static void require(Result result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("asadmin " + result.command() + " failed (" + result.exitCode() + "):\n"
                    + result.output());
        }
    }

    private record Result(String command, int exitCode, String output) {
    }
}
