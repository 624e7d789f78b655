package io.devicehub.bench.fleet;

import io.devicehub.bench.Arguments;
import io.devicehub.bench.Command;
import io.devicehub.bench.ResultFile;
import io.devicehub.bench.Secrets;
import io.devicehub.bench.calls.ApiToken;
import io.devicehub.bench.server.CpuWindow;
import io.devicehub.bench.server.LinuxProcess;
import io.devicehub.bench.websocket.DeviceFleet;
import io.devicehub.bench.websocket.LightClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** {@code fleet}: see the package description. */
public final class FleetCommand implements Command {

    @Override
    public String summary() {
        return "fleet --url http://127.0.0.1:18080 --account NAME --devices N [--first 0] [--in-flight 200]\n"
                + "      [--per-address 20000] [--warmup 5] [--warmup-max 30] [--rounds 5] [--timeout 10s]\n"
                + "      [--server-pid PID] [--out FILE]\n"
                + "      brings N devices online and times fleet calls reading a resource of all of them "
                + "(env BENCH_PASSWORD, BENCH_DEVICE_CREDENTIAL)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        URI url = arguments.uri("url", "http://127.0.0.1:18080");
        String account = arguments.required("account");
        int devices = arguments.integer("devices", 1000);
        int first = arguments.integer("first", 0);
        int inFlight = arguments.integer("in-flight", 200);
        int perAddress = arguments.integer("per-address", 20_000);
        int warmup = arguments.integer("warmup", 5);
        int warmupMax = arguments.integer("warmup-max", 30);
        int rounds = arguments.integer("rounds", 5);
        Duration timeout = arguments.duration("timeout", Duration.ofSeconds(10));
        long pid = arguments.integer("server-pid", 0);
        Path out = arguments.path("out", null);
        arguments.done();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ApiToken token = ApiToken.signIn(http, url, account, Secrets.required(Secrets.PASSWORD));
        LinuxProcess server = pid > 0 ? new LinuxProcess(pid) : null;
        DeviceFleet fleet = new DeviceFleet(account, Secrets.required(Secrets.DEVICE_CREDENTIAL), first, devices,
                perAddress);
        Responders responders = new Responders(fleet.connections(), inFlight);
        LightClient client = new LightClient(DeviceFleet.server(url), DeviceFleet.PATH, fleet.authMessages(),
                responders);
        JsonObjectBuilder result = Json.createObjectBuilder().add("devices", devices).add("timeoutMs",
                timeout.toMillis());
        boolean complete = true;
        try {
            System.out.printf("fleet: connecting %,d devices%n", devices);
            client.execute(() -> responders.start(client));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!responders.settled() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            result.add("described", responders.described()).add("failed", responders.failed())
                    .add("failures", responders.failures().toJson());
            System.out.printf("fleet: %,d devices online and described, %,d failed%n", responders.described(),
                    responders.failed());

            String body = Json.createObjectBuilder().add("resource", "temperature")
                    .add("filter", Json.createObjectBuilder().add("status", "online"))
                    .add("timeout", timeout.toMillis()).build().toString();
            // Warm until the JIT is done with the path: at least --warmup rounds, then until two rounds in a row
            // end within 10 % of each other (at most --warmup-max rounds).
            long previous = Long.MAX_VALUE;
            int warmed = 0;
            for (int i = 0; i < warmupMax; i++) {
                Round round = round(http, url, token, body);
                warmed++;
                System.out.printf("fleet: warm-up %d: %s%n", i + 1, round);
                boolean stable = Math.abs(round.lastLineMillis - previous) <= previous / 10;
                previous = round.lastLineMillis;
                if (i + 1 >= warmup && stable) {
                    break;
                }
            }
            result.add("warmupRounds", warmed);
            JsonArrayBuilder measured = Json.createArrayBuilder();
            List<Round> all = new ArrayList<>();
            CpuWindow cpu = server != null ? CpuWindow.open(server) : null;
            for (int i = 0; i < rounds; i++) {
                Round round = round(http, url, token, body);
                all.add(round);
                measured.add(round.toJson());
                System.out.printf("fleet: round %d: %s%n", i + 1, round);
                complete &= round.answered == responders.described();
            }
            result.add("rounds", measured);
            if (cpu != null) {
                JsonObject used = cpu.close(6);
                long answers = all.stream().mapToLong(r -> r.answered).sum();
                result.add("serverCpu", used).add("serverCpuMsPerDevice", Math.round(
                        used.getJsonNumber("cpuMillis").doubleValue() / Math.max(1, answers) * 1000) / 1000.0);
            }
            List<Long> lasts = all.stream().map(r -> r.lastLineMillis).sorted().toList();
            if (!lasts.isEmpty()) {
                result.add("medianMillis", lasts.get(lasts.size() / 2)).add("worstMillis",
                        lasts.get(lasts.size() - 1));
                System.out.printf("fleet: %,d devices answered in one request: median %d ms, worst %d ms%n",
                        responders.described(), lasts.get(lasts.size() / 2), lasts.get(lasts.size() - 1));
            }
            result.add("droppedWhileCalled", responders.dropped()).add("answeredByDevices", responders.answered());
        } finally {
            client.shutdown(Duration.ofSeconds(30));
        }
        if (out != null) {
            ResultFile.write(out, result.build());
        }
        return complete && responders.dropped() == 0 ? 0 : 1;
    }

    /** One fleet call, read line by line as it streams. */
    private static Round round(HttpClient http, URI url, ApiToken token, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/api/v1/calls"))
                .header("Authorization", token.authorization()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IOException("the fleet call was refused: HTTP " + response.statusCode() + " "
                    + String.join("\n", response.body().toList()));
        }
        Round round = new Round();
        round.headersMillis = millisSince(start);
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                long at = millisSince(start);
                if (line.startsWith("{\"summary\"")) {
                    try (JsonReader reader = Json.createReader(new StringReader(line))) {
                        round.summary = reader.readObject().getJsonObject("summary");
                    }
                    round.summaryMillis = at;
                } else {
                    if (round.lines++ == 0) {
                        round.firstLineMillis = at;
                    }
                    round.lastLineMillis = at;
                    if (!line.contains("\"problem\"")) {
                        round.answered++;
                    }
                }
            }
        }
        return round;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** What one fleet call took, seen by its caller. */
    private static final class Round {
        long headersMillis;
        long firstLineMillis;
        long lastLineMillis;
        long summaryMillis;
        int lines;
        int answered;
        JsonObject summary;

        JsonObject toJson() {
            JsonObjectBuilder json = Json.createObjectBuilder().add("lines", lines).add("answered", answered)
                    .add("headersMillis", headersMillis).add("firstLineMillis", firstLineMillis)
                    .add("lastLineMillis", lastLineMillis).add("summaryMillis", summaryMillis);
            if (summary != null) {
                json.add("summary", summary);
            }
            return json.build();
        }

        @Override
        public String toString() {
            return String.format("%,d lines, %,d answered; first after %d ms, last after %d ms%s", lines, answered,
                    firstLineMillis, lastLineMillis, summary == null ? ", no summary" : "");
        }
    }
}
