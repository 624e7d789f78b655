package io.devicehub.bench.buckets;

import io.devicehub.bench.Arguments;
import io.devicehub.bench.Command;
import io.devicehub.bench.ResultFile;
import io.devicehub.bench.Secrets;
import io.devicehub.bench.calls.ApiToken;
import io.devicehub.bench.calls.CallTarget;
import io.devicehub.bench.calls.ClosedLoop;
import io.devicehub.bench.calls.FixedRate;
import io.devicehub.bench.calls.LoadDriver;
import io.devicehub.bench.calls.LoadResult;
import io.devicehub.bench.server.CpuWindow;
import io.devicehub.bench.server.HeapSnapshot;
import io.devicehub.bench.server.Jcmd;
import io.devicehub.bench.server.LinuxProcess;
import io.devicehub.bench.websocket.DeviceFleet;
import io.devicehub.bench.websocket.LightClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code buckets}: what data buckets take and give on this server and its database.
 * <ol>
 * <li>devices' {@code data} with an {@code id}, counted when answered {@code stored} (after the commit), closed
 * loop over many devices;</li>
 * <li>a burst at three times that rate: every message must be answered {@code stored} or {@code slow-down}, the
 * bucket must hold exactly what was acknowledged, and the server's live heap is taken before and after;</li>
 * <li>REST batches of 1,000 records, closed loop;</li>
 * <li>on a seeded bucket ({@code seed-records}): the 100 newest records, hourly means over 30 days, and a CSV export
 * of a million records with the server's live heap taken while it streams.</li>
 * </ol>
 */
public final class BucketsCommand implements Command {

    private static final long DAY = 86_400_000L;

    @Override
    public String summary() {
        return "buckets --url http://127.0.0.1:18080 --account NAME [--devices 100] [--first 0] [--window 16]\n"
                + "      [--warmup 10s] [--duration 20s] [--burst 10s] [--rest-concurrency 4] [--batch 1000]\n"
                + "      [--seeded big] [--queries 200] [--export-records 1000000] [--server-pid PID] [--jcmd PATH]"
                + " [--out FILE]\n"
                + "      device data with stored answers, a burst, REST batches, queries, aggregation and export"
                + " (env BENCH_PASSWORD, BENCH_DEVICE_CREDENTIAL)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        URI url = arguments.uri("url", "http://127.0.0.1:18080");
        String account = arguments.required("account");
        int devices = arguments.integer("devices", 100);
        int first = arguments.integer("first", 0);
        int window = arguments.integer("window", 16);
        Duration warmup = arguments.duration("warmup", Duration.ofSeconds(10));
        Duration duration = arguments.duration("duration", Duration.ofSeconds(20));
        Duration burst = arguments.duration("burst", Duration.ofSeconds(10));
        int restConcurrency = arguments.integer("rest-concurrency", 4);
        int batch = arguments.integer("batch", 1000);
        String seeded = arguments.string("seeded", "big");
        int queries = arguments.integer("queries", 200);
        int exportRecords = arguments.integer("export-records", 1_000_000);
        long pid = arguments.integer("server-pid", 0);
        Path jcmdPath = arguments.path("jcmd", null);
        Path out = arguments.path("out", null);
        arguments.done();
        String credential = Secrets.required(Secrets.DEVICE_CREDENTIAL);

        LinuxProcess server = pid > 0 ? new LinuxProcess(pid) : null;
        Jcmd jcmd = server != null ? new Jcmd(jcmdPath, pid) : null;
        Path raw = out != null ? out.toAbsolutePath().getParent() : null;
        ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "rest-client");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                .connectTimeout(Duration.ofSeconds(5)).build();
        BucketApi api = new BucketApi(http, url, ApiToken.signIn(http, url, account,
                Secrets.required(Secrets.PASSWORD)));
        JsonObjectBuilder result = Json.createObjectBuilder().add("devices", devices).add("window", window)
                .add("batch", batch);
        long now = System.currentTimeMillis();

        // 1 and 2: devices' data, then a burst.
        api.create("bench-data", "devices");
        DeviceFleet fleet = new DeviceFleet(account, credential, first, devices, 20_000);
        DataSessions data = new DataSessions(fleet.connections(), "bench-data", now - 60 * DAY);
        LightClient client = new LightClient(DeviceFleet.server(url), DeviceFleet.PATH, fleet.authMessages(), data);
        try {
            client.execute(() -> data.begin(client));
            awaitOnline(data, devices);
            int inFlight = devices * window;
            System.out.printf("buckets: %d devices online, %d data messages in flight; warming up for %d s%n",
                    devices, inFlight, warmup.toSeconds());
            new ClosedLoop(data, inFlight).run(warmup);
            JsonObject sustained = phase("device data, stored answers", new ClosedLoop(data, inFlight), duration,
                    server, 1);
            result.add("deviceData", sustained);
            double rate = sustained.getJsonNumber("recordsPerSecond").doubleValue();

            HeapSnapshot before = server != null ? HeapSnapshot.take("before-burst", server, jcmd, raw) : null;
            JsonObjectBuilder burstJson = Json.createObjectBuilder(phase(String.format("burst at 3 x %,.0f/s", rate),
                    new FixedRate(data, 3 * rate), burst, server, 1));
            Thread.sleep(2000); // the last answers
            HeapSnapshot after = server != null ? HeapSnapshot.take("after-burst", server, jcmd, raw) : null;
            long acknowledged = data.stored();
            long inBucket = api.records("bench-data");
            burstJson.add("unanswered", data.unanswered()).add("acknowledgedInAll", acknowledged)
                    .add("recordsInBucket", inBucket).add("sessionsDropped", data.dropped());
            if (before != null) {
                burstJson.add("heapBefore", before.toJson()).add("heapAfter", after.toJson());
            }
            System.out.printf("buckets: burst: %d unanswered; %,d acknowledged in all, %,d in the bucket%n",
                    data.unanswered(), acknowledged, inBucket);
            result.add("burst", burstJson);
        } finally {
            client.shutdown(Duration.ofSeconds(10));
        }

        // 3: REST batches.
        api.create("bench-api", "api");
        CallTarget batches = api.batches("bench-api", batch, now - 120 * DAY);
        new ClosedLoop(batches, restConcurrency).run(warmup);
        result.add("restBatches", phase("REST batches of " + batch, new ClosedLoop(batches, restConcurrency),
                duration, server, batch));

        // 4: the seeded bucket.
        long newest = now; // seed-records ends its records at the moment it ran, one a second back from there
        long count = api.records(seeded);
        if (count > 0) {
            result.add("seededRecords", count);
            CallTarget newestPage = api.newest(seeded, 100);
            new ClosedLoop(newestPage, 1).run(Duration.ofSeconds(3));
            result.add("newest100", fixedCount("100 newest of " + count, newestPage, queries, server));
            CallTarget hourly = api.aggregate(seeded, "1h", "mean", newest - 30 * DAY, newest + 1);
            result.add("hourlyMeans30Days", fixedCount("hourly means over 30 days", hourly, 6, server));
            result.add("exportCsv", export(api, seeded, newest - (long) exportRecords * 1000, newest + 1,
                    server, jcmd, raw));
        } else {
            System.out.println("buckets: no seeded bucket '" + seeded + "'; queries and export skipped");
        }
        threads.shutdownNow();
        JsonObject json = result.build();
        if (out != null) {
            ResultFile.write(out, json);
        }
        return 0;
    }

    /** A load phase; {@code perCall} records per successful call. */
    private static JsonObject phase(String name, LoadDriver driver, Duration duration, LinuxProcess server,
                                    int perCall) throws IOException, InterruptedException {
        CpuWindow serverCpu = server != null ? CpuWindow.open(server) : null;
        LoadResult measured = driver.run(duration);
        double seconds = measured.elapsedNanos() / 1e9;
        double records = measured.succeeded() * (double) perCall / seconds;
        JsonObjectBuilder json = Json.createObjectBuilder(measured.toJson())
                .add("recordsPerSecond", Math.round(records));
        if (serverCpu != null) {
            json.add("server", serverCpu.close(5));
        }
        System.out.printf("buckets: %s: %,.0f records/s; %s%n", name, records, measured.line());
        return json.build();
    }

    /** {@code calls} calls one after the other: their latencies. */
    private static JsonObject fixedCount(String name, CallTarget target, int calls, LinuxProcess server)
            throws IOException, InterruptedException {
        List<Long> micros = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        CpuWindow serverCpu = server != null ? CpuWindow.open(server) : null;
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            String failure = target.call(i).join();
            micros.add((System.nanoTime() - started) / 1000);
            if (failure != null) {
                failures.add(failure);
            }
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        JsonObjectBuilder json = Json.createObjectBuilder().add("calls", calls).add("errors", failures.size())
                .add("p50Ms", sorted[sorted.length / 2] / 1000.0)
                .add("p95Ms", sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)] / 1000.0)
                .add("maxMs", sorted[sorted.length - 1] / 1000.0);
        if (!failures.isEmpty()) {
            json.add("firstError", failures.get(0));
        }
        if (serverCpu != null) {
            json.add("server", serverCpu.close(5));
        }
        JsonObject result = json.build();
        System.out.printf("buckets: %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms, %d errors%n", name,
                result.getJsonNumber("p50Ms").doubleValue(), result.getJsonNumber("p95Ms").doubleValue(),
                result.getJsonNumber("maxMs").doubleValue(), failures.size());
        return result;
    }

    /** Exports {@code [from, to)} as CSV; the server's live heap before, while it streams, and after. */
    private static JsonObject export(BucketApi api, String bucket, long from, long to, LinuxProcess server, Jcmd jcmd,
                                     Path raw) throws Exception {
        HeapSnapshot before = server != null ? HeapSnapshot.take("before-export", server, jcmd, raw) : null;
        long started = System.nanoTime();
        CompletableFuture<Long> lines = CompletableFuture.supplyAsync(() -> {
            try {
                return api.exportLines(bucket, "csv", from, to);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        HeapSnapshot during = null;
        if (server != null) {
            Thread.sleep(1500);
            if (!lines.isDone()) {
                during = HeapSnapshot.take("during-export", server, jcmd, raw);
            }
        }
        long rows = lines.get() - 1; // the header
        double seconds = (System.nanoTime() - started) / 1e9;
        HeapSnapshot after = server != null ? HeapSnapshot.take("after-export", server, jcmd, raw) : null;
        JsonObjectBuilder json = Json.createObjectBuilder().add("records", rows)
                .add("seconds", Math.round(seconds * 100) / 100.0).add("recordsPerSecond", Math.round(rows / seconds));
        if (before != null) {
            json.add("heapBefore", before.toJson()).add("heapAfter", after.toJson());
            if (during != null) {
                json.add("heapDuring", during.toJson());
            }
        }
        System.out.printf("buckets: CSV export: %,d records in %.1f s, %,.0f records/s%s%n", rows, seconds,
                rows / seconds, during == null || before == null ? "" : String.format(
                        "; live heap %,d MB before, %,d MB while streaming", before.liveBytes() >> 20,
                        during.liveBytes() >> 20));
        return json.build();
    }

    private static void awaitOnline(DataSessions data, int count) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (data.online() < count) {
            if (System.nanoTime() > deadline) {
                throw new IOException("only " + data.online() + " of " + count + " devices came online");
            }
            Thread.sleep(50);
        }
    }
}
