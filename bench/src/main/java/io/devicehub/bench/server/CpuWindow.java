package io.devicehub.bench.server;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.util.Comparator;
import java.util.Map;

/**
 * The server's CPU over a stretch of wall time: the whole process in cores (1.0 = one core busy all along), and the
 * threads that used most of it, which is how a figure is attributed to a pool (HTTP workers, the credential-check
 * thread, the session timer, GC).
 */
public final class CpuWindow {

    private final LinuxProcess server;
    private final long startNanos;
    private final long startCpuMillis;
    private final Map<String, Long> startThreads;

    private CpuWindow(LinuxProcess server) throws IOException {
        this.server = server;
        this.startThreads = server.threadCpuMillis();
        this.startCpuMillis = server.cpuMillis();
        this.startNanos = System.nanoTime();
    }

    public static CpuWindow open(LinuxProcess server) throws IOException {
        return new CpuWindow(server);
    }

    /** The figures from the opening until now; {@code topThreads} of them by CPU used. */
    public JsonObject close(int topThreads) throws IOException {
        return close(topThreads, Map.of());
    }

    /**
     * Like {@link #close(int)}, naming threads in full where {@code names} (native id to Java name, see
     * {@link ThreadNames}) knows them.
     */
    public JsonObject close(int topThreads, Map<Long, String> names) throws IOException {
        long wallMillis = Math.max(1, (System.nanoTime() - startNanos) / 1_000_000);
        long cpuMillis = server.cpuMillis() - startCpuMillis;
        Map<String, Long> now = server.threadCpuMillis();
        JsonArrayBuilder busiest = Json.createArrayBuilder();
        now.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - startThreads.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(topThreads)
                .forEach(e -> busiest.add(thread(named(e.getKey(), names), e.getValue(), wallMillis)));
        return Json.createObjectBuilder()
                .add("wallMillis", wallMillis)
                .add("cpuMillis", cpuMillis)
                .add("cores", round((double) cpuMillis / wallMillis))
                .add("busiestThreads", busiest)
                .build();
    }

    private static JsonObjectBuilder thread(String tidAndName, long cpuMillis, long wallMillis) {
        return Json.createObjectBuilder().add("thread", tidAndName).add("cpuMillis", cpuMillis)
                .add("cores", round((double) cpuMillis / wallMillis));
    }

    /** {@code "<tid> <short name>"} with the full name when known. */
    private static String named(String tidAndName, Map<Long, String> names) {
        String tid = tidAndName.substring(0, tidAndName.indexOf(' '));
        String full = names.get(Long.parseLong(tid));
        return full == null ? tidAndName : tid + " " + full;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
