package io.devicehub.bench.report;

import io.devicehub.bench.Arguments;
import io.devicehub.bench.Command;
import io.devicehub.bench.ResultFile;
import io.devicehub.bench.UsageException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary --results DIR}: the run's figures beside the targets, as the Markdown table of
 * {@code docs/benchmarks.md}, printed and written to {@code summary.md}. A benchmark that did not run is shown as
 * such; a quick run is marked as validation scale, since its sizes are not the targets' sizes.
 */
public final class SummaryCommand implements Command {

    static final long TWO_GIB = 2L << 30;
    static final int SESSIONS_TARGET = 50_000;
    static final int MIN_SESSIONS_TO_PROJECT = 5_000;

    @Override
    public String summary() {
        return "summary --results DIR\n      the figures of a bench/run results directory beside the targets "
                + "(writes DIR/summary.md)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        Path dir = arguments.path("results", null);
        arguments.done();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException("--results must name a results directory of bench/run");
        }
        String markdown = render(dir);
        Files.writeString(dir.resolve("summary.md"), markdown);
        System.out.print(markdown);
        return 0;
    }

    static String render(Path dir) throws IOException {
        JsonObject run = read(dir, "run.json");
        boolean quick = run != null && "quick".equals(run.getString("mode", ""));
        List<String[]> rows = new ArrayList<>();
        rows.add(idle(read(dir, "idle.json"), run));
        rows.add(heap(read(dir, "idle.json")));
        rows.addAll(calls(read(dir, "calls.json")));
        rows.add(fleet(read(dir, "fleet.json")));
        rows.add(storm(read(dir, "storm.json")));
        rows.add(list(read(dir, "list.json")));
        rows.add(writes(read(dir, "writes.json"), run));
        rows.add(coldStart(run));

        StringBuilder md = new StringBuilder();
        if (run != null) {
            md.append(String.format("%s run of %s (commit %s), %d cores, %d GiB, %s, server %s, %s database%s%n%n",
                    quick ? "Quick (validation-scale)" : "Full", run.getString("date", "?"), run.getString("commit", "?"),
                    run.getInt("cores", 0), run.getInt("memoryGiB", 0), run.getString("java", "?"),
                    run.getString("serverOptions", "?"), run.getString("database", "?"),
                    run.getInt("idleHeld", 0) < run.getInt("idleWanted", 0)
                            ? "; idle sessions capped at " + run.getInt("idleHeld") + " by the open-files limit ("
                            + run.getString("openFiles", "?") + ")" : ""));
            md.append("Load average (1 min) at each step: ").append(loads(run)).append("\n\n");
        }
        md.append("| figure | target | measured | verdict |\n|---|---|---|---|\n");
        for (String[] row : rows) {
            String verdict = quick && List.of("meets", "misses", "fits (projected)", "misses (projected)",
                    "smaller run").contains(row[3]) ? row[3] + " (quick scale)" : row[3];
            md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" | ")
                    .append(verdict).append(" |\n");
        }
        return md.toString();
    }

    private static String[] idle(JsonObject idle, JsonObject run) {
        String figure = "idle device sessions held at once";
        String target = "≥ 50,000 within a 2 GiB heap, no thread per session";
        if (idle == null) {
            return new String[]{figure, target, "—", "not run"};
        }
        int online = idle.getInt("online", 0);
        JsonObject server = idle.getJsonObject("server");
        String threads = "";
        if (server != null) {
            threads = String.format("; server threads %d → %d", server.getJsonObject("before").getInt("threads"),
                    server.getJsonObject("online").getInt("threads"));
        }
        String measured = String.format("%,d of %,d online in %.1f s, %,d failed, %,d dropped while held%s",
                online, idle.getInt("devices"), idle.getJsonNumber("rampMillis").longValue() / 1000.0,
                idle.getInt("failed", 0), idle.getInt("droppedWhileHeld", 0), threads);
        boolean met = online >= SESSIONS_TARGET && idle.getInt("droppedWhileHeld", 0) == 0;
        return new String[]{figure, target, measured, met ? "meets" : online < idle.getInt("devices") ? "misses"
                : run != null && run.getInt("idleHeld", 0) < SESSIONS_TARGET ? "smaller run" : "misses"};
    }

    private static String[] heap(JsonObject idle) {
        String figure = "heap per idle session";
        String target = "report (50,000 must fit in 2 GiB)";
        if (idle == null || idle.getJsonObject("server") == null) {
            return new String[]{figure, target, "—", "not run"};
        }
        JsonObject server = idle.getJsonObject("server");
        JsonObject slope = server.containsKey("perSession") ? server.getJsonObject("perSession")
                : server.getJsonObject("averagePerSession");
        long perSession = slope.getJsonNumber("liveHeapBytesPerSession").longValue();
        long base = server.getJsonObject(server.containsKey("firstStage") ? "firstStage" : "before")
                .getJsonNumber("liveHeapBytes").longValue();
        int sessionsThere = server.containsKey("firstStage")
                ? idle.getInt("online") - slope.getInt("sessions") : 0;
        long projected = base + perSession * (SESSIONS_TARGET - sessionsThere);
        String measured = String.format("%,d bytes live heap per added session (%,d on average); 50,000 sessions "
                        + "→ %,d MiB live heap", perSession,
                server.getJsonObject("averagePerSession").getJsonNumber("liveHeapBytesPerSession").longValue(),
                projected >> 20);
        if (idle.getInt("online") < MIN_SESSIONS_TO_PROJECT) {
            // Below this, pools and caches filling during the ramp outweigh the sessions' own state.
            return new String[]{figure, target, measured, "too few sessions to project"};
        }
        return new String[]{figure, target, measured, projected < TWO_GIB ? "fits (projected)" : "misses (projected)"};
    }

    private static final String CALLS_TARGET = "≥ 4,000 calls/s; p50 ≤ 1 ms, p99 ≤ 10 ms at 1,000 calls/s; server CPU "
            + "≤ 0.3 ms per call; zero errors";

    private static List<String[]> calls(JsonObject calls) {
        List<String[]> rows = new ArrayList<>();
        if (calls == null) {
            rows.add(new String[]{"relayed resource calls, REST → device → REST", CALLS_TARGET, "—",
                    "not run"});
            rows.add(new String[]{"compared with the raw WebSocket round trip", "report the ratio", "—", "not run"});
            return rows;
        }
        JsonObject closed = calls.getJsonObject("rest").getJsonObject("closedLoop");
        JsonObject rate = calls.getJsonObject("rest").getJsonObject("fixedRate");
        JsonObject latency = rate.getJsonObject("latency");
        long throughput = closed.getJsonNumber("callsPerSecond").longValue();
        long errors = closed.getJsonNumber("errors").longValue() + rate.getJsonNumber("errors").longValue();
        double p50 = latency.getJsonNumber("p50Ms").doubleValue();
        double p99 = latency.getJsonNumber("p99Ms").doubleValue();
        // The server's CPU per call at the fixed rate: the closed loop's share depends on what the client leaves.
        double cpuPerCall = cores(rate) * 1_000 / Math.max(1, rate.getJsonNumber("callsPerSecond").doubleValue());
        rows.add(new String[]{"relayed resource calls, REST → device → REST", CALLS_TARGET,
                String.format("%,d calls/s closed-loop (%d in flight, server %.2f cores); at %,d calls/s: p50 %.2f ms, "
                                + "p99 %.2f ms, p99.9 %.2f ms, server %.2f ms of CPU per call; %,d errors", throughput,
                        calls.getInt("concurrency"), cores(closed), calls.getInt("rate"), p50, p99,
                        latency.getJsonNumber("p999Ms").doubleValue(), cpuPerCall, errors),
                throughput >= 4_000 && p50 <= 1 && p99 <= 10 && cpuPerCall <= 0.3 && errors == 0
                        && calls.getInt("rate") >= 1_000 ? "meets" : "misses"});
        JsonObject ws = calls.getJsonObject("websocket");
        JsonObject ratios = calls.getJsonObject("ratios");
        rows.add(new String[]{"compared with the raw WebSocket round trip (same server, same run)", "report the ratio",
                String.format("ping→pong: %,d round trips/s closed-loop, p50 %.2f ms, p99 %.2f ms at %,d/s; relayed ÷ "
                                + "raw: throughput ×%.2f, p50 ×%.1f, p99 ×%.1f",
                        ws.getJsonObject("closedLoop").getJsonNumber("callsPerSecond").longValue(),
                        ws.getJsonObject("fixedRate").getJsonObject("latency").getJsonNumber("p50Ms").doubleValue(),
                        ws.getJsonObject("fixedRate").getJsonObject("latency").getJsonNumber("p99Ms").doubleValue(),
                        calls.getInt("rate"), ratios.getJsonNumber("throughput").doubleValue(),
                        ratios.getJsonNumber("p50AtFixedRate").doubleValue(),
                        ratios.getJsonNumber("p99AtFixedRate").doubleValue()),
                "report"});
        rows.add(mqtt(calls));
        rows.add(websocketApi(calls));
        return rows;
    }

    /** Calls through the WebSocket API, beside the raw round trip and Mosquitto (issue 12, part 3). */
    private static String[] websocketApi(JsonObject calls) {
        String figure = "relayed calls through the WebSocket API (/ws/api)";
        String target = "≥ 10,000 calls/s closed-loop; p99 ≤ 5 ms at 1,000 calls/s; ≥ 1.0× Mosquitto";
        JsonObject api = calls.getJsonObject("websocketApi");
        if (api == null) {
            return new String[]{figure, target, "—", "not run"};
        }
        JsonObject closed = api.getJsonObject("closedLoop");
        JsonObject rate = api.getJsonObject("fixedRate");
        long throughput = closed.getJsonNumber("callsPerSecond").longValue();
        long errors = closed.getJsonNumber("errors").longValue() + rate.getJsonNumber("errors").longValue();
        double p99 = rate.getJsonObject("latency").getJsonNumber("p99Ms").doubleValue();
        double cpuPerCall = cores(rate) * 1_000 / Math.max(1, rate.getJsonNumber("callsPerSecond").doubleValue());
        JsonObject versus = calls.containsKey("versusMqtt")
                ? calls.getJsonObject("versusMqtt").getJsonObject("websocketApi") : null;
        double mqttRatio = versus == null ? Double.NaN : versus.getJsonNumber("throughput").doubleValue();
        boolean meets = throughput >= 10_000 && p99 <= 5 && errors == 0 && calls.getInt("rate") >= 1_000
                && versus != null && mqttRatio >= 1.0;
        return new String[]{figure, target, String.format("%,d calls/s closed-loop (%d sockets, %d in flight, server "
                        + "%.2f cores); at %,d calls/s: p50 %.2f ms, p99 %.2f ms, server %.2f ms of CPU per call; "
                        + "%,d errors; ÷ MQTT: throughput %s", throughput, api.getInt("sockets"),
                calls.getInt("concurrency"), cores(closed), calls.getInt("rate"),
                rate.getJsonObject("latency").getJsonNumber("p50Ms").doubleValue(), p99, cpuPerCall, errors,
                versus == null ? "not measured" : String.format("×%.2f, p50 ×%.1f, p99 ×%.1f", mqttRatio,
                        versus.getJsonNumber("p50AtFixedRate").doubleValue(),
                        versus.getJsonNumber("p99AtFixedRate").doubleValue())),
                meets ? "meets" : "misses"};
    }

    /** DeviceHub beside MQTT 5 request/response through Mosquitto, measured in the same run (issue 12). */
    private static String[] mqtt(JsonObject calls) {
        String figure = "compared with MQTT 5 request/response through Mosquitto (same run)";
        String target = "REST calls ≥ 0.3× Mosquitto's throughput";
        if (!calls.containsKey("versusMqtt")) {
            JsonObject mqtt = calls.getJsonObject("mqtt");
            return new String[]{figure, target, mqtt == null ? "—" : mqtt.getString("skipped", "—"), "not run"};
        }
        JsonObject mqtt = calls.getJsonObject("mqtt");
        JsonObject rest = calls.getJsonObject("versusMqtt").getJsonObject("rest");
        JsonObject raw = calls.getJsonObject("versusMqtt").getJsonObject("websocketRaw");
        JsonObject rate = mqtt.getJsonObject("fixedRate").getJsonObject("latency");
        double throughput = rest.getJsonNumber("throughput").doubleValue();
        return new String[]{figure, target,
                String.format("Mosquitto: %,d round trips/s closed-loop (%d responders, broker %.2f cores), p50 "
                                + "%.2f ms, p99 %.2f ms at %,d/s; REST ÷ MQTT: throughput ×%.2f, p50 ×%.1f, p99 ×%.1f; raw "
                                + "WebSocket ÷ MQTT: throughput ×%.2f, p50 ×%.1f, p99 ×%.1f",
                        mqtt.getJsonObject("closedLoop").getJsonNumber("callsPerSecond").longValue(),
                        mqtt.getInt("responders"), cores(mqtt.getJsonObject("closedLoop")),
                        rate.getJsonNumber("p50Ms").doubleValue(), rate.getJsonNumber("p99Ms").doubleValue(),
                        calls.getInt("rate"), throughput, rest.getJsonNumber("p50AtFixedRate").doubleValue(),
                        rest.getJsonNumber("p99AtFixedRate").doubleValue(),
                        raw.getJsonNumber("throughput").doubleValue(),
                        raw.getJsonNumber("p50AtFixedRate").doubleValue(),
                        raw.getJsonNumber("p99AtFixedRate").doubleValue()),
                throughput >= 0.3 ? "meets" : "misses"};
    }

    private static String[] storm(JsonObject storm) {
        String figure = "reconnect storm after a server restart";
        String target = "10,000 devices all online within 30 s, credential checks ≤ 1 core";
        if (storm == null || !storm.containsKey("allOnline")) {
            return new String[]{figure, target, storm == null ? "—" : "the devices did not all come online before "
                    + "the restart", storm == null ? "not run" : "misses"};
        }
        JsonObject fromReady = storm.getJsonObject("fromReadyMillis");
        JsonObject serverPart = storm.getJsonObject("fromFirstAttemptAfterReadyMillis");
        long all = storm.getJsonNumber("readyToAllOnlineMillis").longValue();
        JsonObject cpu = storm.getJsonObject("serverCpuUntilAllOnline");
        String measured = String.format("%,d devices; %s; %,d back within 30 s; from ready p50 %.1f s, p99 %.1f s; "
                        + "from the device's first attempt after ready p99 %.2f s; down %.1f s; server %.2f cores "
                        + "until all online", storm.getInt("devices"),
                all >= 0 ? String.format("all online %.1f s after ready", all / 1000.0) : "not all online",
                storm.getJsonNumber("onlineWithin30s").longValue(), millis(fromReady, "p50") / 1000.0,
                millis(fromReady, "p99") / 1000.0, millis(serverPart, "p99") / 1000.0,
                storm.getJsonNumber("downMillis").longValue() / 1000.0, cores(cpu));
        boolean met = all >= 0 && all <= 30_000 && storm.getInt("devices") >= 10_000 && cores(cpu) <= 1.0;
        return new String[]{figure, target, measured, met ? "meets" : "misses"};
    }

    private static String[] fleet(JsonObject fleet) {
        String figure = "fleet call: one request reading a resource of every online device";
        String target = "10,000 online devices answered in ≤ 2 s";
        if (fleet == null || !fleet.containsKey("worstMillis")) {
            return new String[]{figure, target, "—", "not run"};
        }
        int described = fleet.getInt("described");
        long worst = fleet.getJsonNumber("worstMillis").longValue();
        boolean allAnswered = fleet.getJsonArray("rounds").getValuesAs(JsonObject.class).stream()
                .allMatch(round -> round.getInt("answered") == described);
        String verdict = described < 10_000 ? "smaller run" : worst <= 2000 && allAnswered ? "meets" : "misses";
        return new String[]{figure, target, String.format("%,d devices, %d rounds: median %,d ms, worst %,d ms to the "
                        + "last device's line%s; server CPU %.3f ms per device", described,
                fleet.getJsonArray("rounds").size(), fleet.getJsonNumber("medianMillis").longValue(), worst,
                allAnswered ? ", every device answered" : ", NOT every device answered",
                fleet.containsKey("serverCpuMsPerDevice")
                        ? fleet.getJsonNumber("serverCpuMsPerDevice").doubleValue() : Double.NaN), verdict};
    }

    private static String[] list(JsonObject list) {
        String figure = "devices list page";
        String target = "p95 ≤ 200 ms with 10,000 devices";
        if (list == null) {
            return new String[]{figure, target, "—", "not run"};
        }
        JsonObject latency = list.getJsonObject("latency");
        double p95 = latency.getJsonNumber("p95Ms").doubleValue();
        return new String[]{figure, target, String.format("%,d devices, %d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f "
                        + "ms, %d errors", list.getJsonNumber("devicesInAccount").longValue(), list.getInt("requests"),
                latency.getJsonNumber("p50Ms").doubleValue(), p95, latency.getJsonNumber("p99Ms").doubleValue(),
                list.getInt("errors")),
                p95 <= 200 && list.getInt("errors") == 0 && list.getJsonNumber("devicesInAccount").longValue() >= 10_000
                        ? "meets" : "misses"};
    }

    private static String[] writes(JsonObject writes, JsonObject run) {
        String figure = "acknowledged writes (a device's description, one commit each)";
        String target = "no target: the price of durable commits";
        if (writes == null) {
            return new String[]{figure, target, "—", "not run"};
        }
        JsonObject closed = writes.getJsonObject("closedLoop");
        JsonObject latency = closed.getJsonObject("latency");
        String database = run == null ? "" : run.getString("database", "") + ", ";
        return new String[]{figure, target, String.format("%s%d in flight: %,d writes/s, p50 %.1f ms, p99 %.1f ms, "
                        + "%d errors", database, writes.getInt("concurrency"), closed.getInt("callsPerSecond"),
                latency.getJsonNumber("p50Ms").doubleValue(), latency.getJsonNumber("p99Ms").doubleValue(),
                closed.getInt("errors")), "measured"};
    }

    private static String[] coldStart(JsonObject run) {
        String figure = "cold start on Payara Micro (launch → /health 200)";
        String target = "≤ 15 s";
        if (run == null || run.getJsonArray("starts").isEmpty()) {
            return new String[]{figure, target, "—", "not run"};
        }
        StringBuilder measured = new StringBuilder();
        long worst = 0;
        for (JsonValue value : run.getJsonArray("starts")) {
            JsonObject start = value.asJsonObject();
            long ms = start.getJsonNumber("millis").longValue();
            worst = Math.max(worst, ms);
            String parts = start.getInt("deployMillis", 0) == 0 ? "" : String.format("Micro %.1f s + deploy %.1f s, ",
                    start.getInt("runtimeMillis", 0) / 1000.0, start.getInt("deployMillis") / 1000.0);
            measured.append(measured.length() == 0 ? "" : "; ").append(String.format("%s %.1f s (%sload %s)",
                    start.getString("label"), ms / 1000.0, parts, start.getJsonNumber("load1")));
        }
        return new String[]{figure, target, measured.toString(), worst <= 15_000 ? "meets" : "misses"};
    }

    private static String loads(JsonObject run) {
        StringBuilder loads = new StringBuilder();
        for (JsonValue value : run.getJsonArray("steps")) {
            JsonObject step = value.asJsonObject();
            loads.append(loads.length() == 0 ? "" : ", ").append(step.getString("step")).append(' ')
                    .append(step.getJsonNumber("load1"));
        }
        return loads.toString();
    }

    private static double cores(JsonObject phase) {
        JsonObject cpu = phase.containsKey("server") ? phase.getJsonObject("server") : phase;
        return cpu.containsKey("cores") ? cpu.getJsonNumber("cores").doubleValue() : 0;
    }

    private static long millis(JsonObject distribution, String percentile) {
        return distribution.containsKey(percentile) ? distribution.getJsonNumber(percentile).longValue() : 0;
    }

    private static JsonObject read(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? ResultFile.read(file) : null;
    }
}
