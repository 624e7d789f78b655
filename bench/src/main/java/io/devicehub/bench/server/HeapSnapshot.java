package io.devicehub.bench.server;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's memory and threads at one moment, after a full collection: live heap (from the class histogram,
 * which forces the collection, and from {@code GC.heap_info}), resident memory and thread count. The raw histogram
 * is kept beside the results for whoever wants to dig.
 */
public record HeapSnapshot(String label, long liveBytes, long heapUsedBytes, long heapCommittedBytes,
                           long residentBytes, int threads, ClassHistogram histogram) {

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    public static HeapSnapshot take(String label, LinuxProcess server, Jcmd jcmd, Path rawDirectory)
            throws IOException, InterruptedException {
        String histogramText = jcmd.run("GC.class_histogram");
        String heapInfo = jcmd.run("GC.heap_info");
        if (rawDirectory != null) {
            Files.createDirectories(rawDirectory);
            Files.writeString(rawDirectory.resolve("histogram-" + label + ".txt"), histogramText);
        }
        Matcher heap = HEAP.matcher(heapInfo);
        if (!heap.find()) {
            throw new IOException("unexpected GC.heap_info output: " + heapInfo.strip());
        }
        return new HeapSnapshot(label, ClassHistogram.parse(histogramText).totalBytes(),
                Long.parseLong(heap.group(2)) * 1024, Long.parseLong(heap.group(1)) * 1024, server.residentBytes(),
                server.threads(), ClassHistogram.parse(histogramText));
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("label", label).add("liveHeapBytes", liveBytes)
                .add("heapUsedBytes", heapUsedBytes).add("heapCommittedBytes", heapCommittedBytes)
                .add("residentBytes", residentBytes).add("threads", threads).build();
    }

    /** What each of {@code sessions} added between this snapshot and {@code later} costs, by class. */
    public JsonObject perSession(HeapSnapshot later, int sessions, int topClasses) {
        int n = Math.max(1, sessions);
        JsonArrayBuilder classes = Json.createArrayBuilder();
        for (ClassHistogram.Entry entry : histogram.growthTo(later.histogram, topClasses)) {
            classes.add(Json.createObjectBuilder().add("class", entry.className())
                    .add("instancesPerSession", CpuWindow.round((double) entry.instances() / n))
                    .add("bytesPerSession", CpuWindow.round((double) entry.bytes() / n)));
        }
        return Json.createObjectBuilder()
                .add("sessions", sessions)
                .add("liveHeapBytesPerSession", (later.liveBytes - liveBytes) / n)
                .add("heapUsedBytesPerSession", (later.heapUsedBytes - heapUsedBytes) / n)
                .add("residentBytesPerSession", (later.residentBytes - residentBytes) / n)
                .add("threadsAdded", later.threads - threads)
                .add("topClasses", classes)
                .build();
    }
}
