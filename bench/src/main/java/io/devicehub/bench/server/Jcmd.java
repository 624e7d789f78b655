package io.devicehub.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code jcmd} against the server. By default the one beside this JVM's {@code java}, which is the JDK that
 * {@code bench/run} starts the server with; {@code jcmd} must match the target JVM's version.
 */
public final class Jcmd {

    private final Path executable;
    private final long pid;

    public Jcmd(Path executable, long pid) {
        this.executable = executable != null ? executable : Path.of(System.getProperty("java.home"), "bin", "jcmd");
        this.pid = pid;
    }

    public String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(executable.toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        Path output = Files.createTempFile("jcmd", ".txt");
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("jcmd " + String.join(" ", command) + " did not finish in 5 minutes");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException("jcmd " + String.join(" ", command) + " failed: " + text.strip());
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
