package io.devicehub.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A process as {@code /proc} shows it: CPU time, threads, resident memory. Linux only. */
public final class LinuxProcess {

    private final long pid;
    private final Path proc;

    public LinuxProcess(long pid) {
        this.pid = pid;
        this.proc = Path.of("/proc", Long.toString(pid));
    }

    public long pid() {
        return pid;
    }

    public boolean alive() {
        return Files.isDirectory(proc);
    }

    /** User plus system CPU time of the whole process so far. */
    public long cpuMillis() throws IOException {
        return ProcStat.parse(Files.readString(proc.resolve("stat"))).cpuMillis();
    }

    public int threads() throws IOException {
        return (int) status("Threads:");
    }

    public long residentBytes() throws IOException {
        return status("VmRSS:") * 1024;
    }

    /** CPU time of each live thread, keyed by {@code <tid> <name>} (Linux keeps 15 characters of Java's names). */
    public Map<String, Long> threadCpuMillis() throws IOException {
        Map<String, Long> perThread = new HashMap<>();
        List<Path> tasks;
        try (Stream<Path> listing = Files.list(proc.resolve("task"))) {
            tasks = listing.toList();
        }
        for (Path task : tasks) {
            try {
                String name = Files.readString(task.resolve("comm")).strip();
                perThread.put(task.getFileName() + " " + name,
                        ProcStat.parse(Files.readString(task.resolve("stat"))).cpuMillis());
            } catch (NoSuchFileException ended) {
                // the thread ended while we looked
            }
        }
        return perThread;
    }

    private long status(String field) throws IOException {
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(field + " not in " + proc.resolve("status"));
    }
}
