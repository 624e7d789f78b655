package io.devicehub.bench.calls;

import io.devicehub.bench.Arguments;
import io.devicehub.bench.Command;
import io.devicehub.bench.ResultFile;
import io.devicehub.bench.Secrets;
import io.devicehub.bench.server.CpuWindow;
import io.devicehub.bench.server.LinuxProcess;
import io.devicehub.bench.websocket.DeviceFleet;
import io.devicehub.bench.websocket.LightClient;
import io.devicehub.bench.websocket.LightConnection;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@code calls}: see the package description. */
public final class CallsCommand implements Command {

    /** Keep-alive connections the REST calls may open: enough for the closed loop and a fixed rate's stalls. */
    private static final int REST_CONNECTIONS = 256;
    /** Program sockets on the WebSocket API: a few, each carrying many calls (at most 256 in flight each). */
    private static final int API_SOCKETS = 4;
    private static final String API_PATH = "/ws/api";

    @Override
    public String summary() {
        return "calls --url http://127.0.0.1:18080 --account NAME [--echo-devices 50] [--ping-sessions 50]\n"
                + "      [--first 0] [--concurrency 32] [--warmup 5s] [--warmup-max 120s] [--duration 10s]\n"
                + "      [--rate 1000] [--rate-duration 10s] [--server-pid PID] [--mqtt 127.0.0.1:1883]\n"
                + "      [--mqtt-pid PID] [--out FILE]\n"
                + "      relayed REST calls vs. the raw WebSocket round trip and MQTT 5 request/response through a "
                + "broker, closed loop and at a fixed rate "
                + "(env BENCH_PASSWORD, BENCH_DEVICE_CREDENTIAL)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        URI url = arguments.uri("url", "http://127.0.0.1:18080");
        String account = arguments.required("account");
        int echoCount = arguments.integer("echo-devices", 50);
        int pingCount = arguments.integer("ping-sessions", 50);
        int first = arguments.integer("first", 0);
        int concurrency = arguments.integer("concurrency", 32);
        Duration warmup = arguments.duration("warmup", Duration.ofSeconds(5));
        Duration warmupMax = arguments.duration("warmup-max", Duration.ofSeconds(120));
        Duration duration = arguments.duration("duration", Duration.ofSeconds(10));
        int rate = arguments.integer("rate", 1000);
        Duration rateDuration = arguments.duration("rate-duration", Duration.ofSeconds(10));
        long pid = arguments.integer("server-pid", 0);
        String mqttBroker = arguments.string("mqtt", null);
        long mqttPid = arguments.integer("mqtt-pid", 0);
        Path out = arguments.path("out", null);
        arguments.done();
        String credential = Secrets.required(Secrets.DEVICE_CREDENTIAL);

        ExecutorService restThreads = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "rest-client");
            thread.setDaemon(true);
            return thread;
        });
        // Signing in only. HTTP/1.1 as most API clients speak it; the JDK would otherwise try an h2c upgrade.
        HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(restThreads)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ApiToken token = ApiToken.signIn(api, url, account, Secrets.required(Secrets.PASSWORD));
        URI ws = URI.create("ws://" + url.getHost() + ":" + url.getPort() + DeviceFleet.PATH);
        EchoDevices echoes = new EchoDevices(ws, account, credential, first, echoCount);
        DeviceFleet fleet = new DeviceFleet(account, credential, first + echoCount, pingCount, 20_000);
        PingSessions pings = new PingSessions(fleet.connections());
        LightClient client = new LightClient(DeviceFleet.server(url), DeviceFleet.PATH, fleet.authMessages(), pings);
        LightConnection[] programSockets = new LightConnection[API_SOCKETS];
        for (int i = 0; i < API_SOCKETS; i++) {
            programSockets[i] = new LightConnection(i, "program-" + i, null);
        }
        ApiSocketCalls apiCalls = new ApiSocketCalls(programSockets, echoes.names());
        String authMessage = Json.createObjectBuilder().add("type", "auth").add("token", token.secret()).build()
                .toString();
        LightClient apiClient = new LightClient(DeviceFleet.server(url), API_PATH, socket -> authMessage, apiCalls);
        LinuxProcess broker = mqttPid > 0 ? new LinuxProcess(mqttPid) : null;
        MqttPeer mqtt = null;
        LightHttp restClient = new LightHttp(new InetSocketAddress(url.getHost(), url.getPort()), REST_CONNECTIONS);
        LinuxProcess server = pid > 0 ? new LinuxProcess(pid) : null;
        LinuxProcess self = new LinuxProcess(ProcessHandle.current().pid());
        JsonObjectBuilder result = Json.createObjectBuilder()
                .add("echoDevices", echoCount).add("pingSessions", pingCount).add("concurrency", concurrency)
                .add("rate", rate);
        try {
            echoes.start(Duration.ofSeconds(60));
            client.execute(() -> pings.begin(client));
            awaitPingSessions(pings, pingCount);
            apiClient.execute(() -> apiCalls.begin(apiClient));
            awaitApiSockets(apiCalls);
            RestCalls rest = new RestCalls(restClient, url, token, echoes.names());
            System.out.printf("calls: %d echo devices (SDK) and %d ping sessions online; warming up for at least "
                    + "%d s, until the JIT is quiet%n", echoCount, pingCount, warmup.toSeconds());
            if (mqttBroker != null) {
                mqtt = mqttPeer(mqttBroker, echoCount);
            }
            JsonObjectBuilder warmups = Json.createObjectBuilder()
                    .add("rest", WarmUp.until(() -> new ClosedLoop(rest, concurrency), warmup, warmupMax, server))
                    .add("websocket", WarmUp.until(() -> new ClosedLoop(pings, concurrency), warmup, warmupMax,
                            server))
                    .add("websocketApi", WarmUp.until(() -> new ClosedLoop(apiCalls, concurrency), warmup,
                            warmupMax, server));
            MqttPeer peer = mqtt;
            if (peer != null) {
                // The broker has no JIT; the MQTT client in this process has.
                warmups.add("mqtt", WarmUp.until(() -> new ClosedLoop(peer, concurrency), warmup, warmupMax, self));
            }
            result.add("warmup", warmups);

            JsonObject restClosed = phase("REST closed loop", new ClosedLoop(rest, concurrency), duration, server, self);
            JsonObject wsClosed = phase("WS   closed loop", new ClosedLoop(pings, concurrency), duration, server, self);
            JsonObject apiClosed = phase("API  closed loop", new ClosedLoop(apiCalls, concurrency), duration, server,
                    self);
            JsonObject mqttClosed = peer == null ? null
                    : phase("MQTT closed loop", new ClosedLoop(peer, concurrency), duration, broker, self);
            rest.resetDeviceLeg();
            JsonObject restRate = phase("REST fixed rate ", new FixedRate(rest, rate), rateDuration, server, self);
            JsonObject deviceLeg = rest.deviceLeg();
            JsonObject wsRate = phase("WS   fixed rate ", new FixedRate(pings, rate), rateDuration, server, self);
            JsonObject apiRate = phase("API  fixed rate ", new FixedRate(apiCalls, rate), rateDuration, server, self);
            JsonObject mqttRate = peer == null ? null
                    : phase("MQTT fixed rate ", new FixedRate(peer, rate), rateDuration, broker, self);

            result.add("rest", Json.createObjectBuilder().add("closedLoop", restClosed).add("fixedRate", restRate)
                            .add("deviceLegAtFixedRate", deviceLeg))
                    .add("websocket", Json.createObjectBuilder().add("closedLoop", wsClosed).add("fixedRate", wsRate))
                    .add("websocketApi", Json.createObjectBuilder().add("sockets", API_SOCKETS)
                            .add("closedLoop", apiClosed).add("fixedRate", apiRate))
                    .add("ratios", ratios(restClosed, wsClosed, restRate, wsRate))
                    .add("apiToRaw", ratios(apiClosed, wsClosed, apiRate, wsRate))
                    .add("apiSocketsDropped", apiCalls.dropped())
                    .add("echoDevicesWentOffline", echoes.wentOffline())
                    .add("pingSessionsDropped", pings.dropped());
            if (peer != null) {
                result.add("mqtt", Json.createObjectBuilder().add("broker", mqttBroker)
                        .add("responders", peer.responders()).add("closedLoop", mqttClosed).add("fixedRate", mqttRate))
                        .add("versusMqtt", Json.createObjectBuilder()
                                .add("rest", ratios(restClosed, mqttClosed, restRate, mqttRate))
                                .add("websocketApi", ratios(apiClosed, mqttClosed, apiRate, mqttRate))
                                .add("websocketRaw", ratios(wsClosed, mqttClosed, wsRate, mqttRate)));
            } else {
                result.add("mqtt", Json.createObjectBuilder().add("skipped", mqttBroker == null
                        ? "no --mqtt broker given" : "no MQTT broker answered at " + mqttBroker));
            }
        } finally {
            apiClient.shutdown(Duration.ofSeconds(10));
            client.shutdown(Duration.ofSeconds(10));
            echoes.close();
            restThreads.shutdownNow();
            restClient.close();
            if (mqtt != null) {
                mqtt.close();
            }
        }
        JsonObject json = result.build();
        if (out != null) {
            ResultFile.write(out, json);
        }
        printRatios("relayed/raw", json.getJsonObject("ratios"), rate);
        if (json.containsKey("versusMqtt")) {
            printRatios("REST/MQTT", json.getJsonObject("versusMqtt").getJsonObject("rest"), rate);
            printRatios("WS API/MQTT", json.getJsonObject("versusMqtt").getJsonObject("websocketApi"), rate);
            printRatios("raw WS/MQTT", json.getJsonObject("versusMqtt").getJsonObject("websocketRaw"), rate);
        } else {
            System.out.println("calls: MQTT peer not measured: "
                    + json.getJsonObject("mqtt").getString("skipped"));
        }
        return 0;
    }

    private static void printRatios(String name, JsonObject ratios, int rate) {
        System.out.printf("calls: %s: throughput %.2f, p50 at %d/s %.1f x, p99 %.1f x%n", name,
                ratios.getJsonNumber("throughput").doubleValue(), rate,
                ratios.getJsonNumber("p50AtFixedRate").doubleValue(),
                ratios.getJsonNumber("p99AtFixedRate").doubleValue());
    }

    /**
     * The MQTT peer with as many responders as there are echo devices, or {@code null} (and why, printed) when no
     * broker answers there: the DeviceHub figures are still measured.
     */
    private static MqttPeer mqttPeer(String broker, int responders) throws InterruptedException {
        int colon = broker.lastIndexOf(':');
        String host = colon < 0 ? broker : broker.substring(0, colon);
        int port = colon < 0 ? 1883 : Integer.parseInt(broker.substring(colon + 1));
        try {
            return MqttPeer.connect(host, port, responders);
        } catch (InterruptedException interrupted) {
            throw interrupted;
        } catch (Exception unreachable) {
            System.out.println("calls: no MQTT broker answered at " + broker + " (" + unreachable + ")");
            return null;
        }
    }

    private static JsonObject phase(String name, LoadDriver driver, Duration duration, LinuxProcess server,
                                    LinuxProcess self) throws IOException, InterruptedException {
        CpuWindow serverCpu = server != null ? CpuWindow.open(server) : null;
        CpuWindow clientCpu = CpuWindow.open(self);
        LoadResult result = driver.run(duration);
        JsonObjectBuilder json = Json.createObjectBuilder(result.toJson());
        json.add("benchCores", clientCpu.close(0).getJsonNumber("cores"));
        if (serverCpu != null) {
            json.add("server", serverCpu.close(5));
        }
        System.out.printf("calls: %s: %s%n", name, result.line());
        return json.build();
    }

    private static JsonObject ratios(JsonObject restClosed, JsonObject wsClosed, JsonObject restRate, JsonObject wsRate) {
        return Json.createObjectBuilder()
                .add("throughput", ratio(restClosed.getJsonNumber("callsPerSecond"),
                        wsClosed.getJsonNumber("callsPerSecond")))
                .add("p50AtFixedRate", ratio(latency(restRate, "p50Ms"), latency(wsRate, "p50Ms")))
                .add("p99AtFixedRate", ratio(latency(restRate, "p99Ms"), latency(wsRate, "p99Ms")))
                .build();
    }

    private static JsonNumber latency(JsonObject phase, String percentile) {
        return phase.getJsonObject("latency").getJsonNumber(percentile);
    }

    private static double ratio(JsonNumber numerator, JsonNumber denominator) {
        double below = denominator.doubleValue();
        return below == 0 ? 0 : Math.round(numerator.doubleValue() / below * 100) / 100.0;
    }

    private static void awaitApiSockets(ApiSocketCalls api) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (api.online() < API_SOCKETS) {
            if (System.nanoTime() > deadline) {
                throw new IOException("only " + api.online() + " of " + API_SOCKETS + " WebSocket API sockets were "
                        + "welcomed");
            }
            Thread.sleep(50);
        }
    }

    private static void awaitPingSessions(PingSessions pings, int count) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pings.online() < count) {
            if (System.nanoTime() > deadline) {
                throw new IOException("only " + pings.online() + " of " + count + " ping sessions came online");
            }
            Thread.sleep(50);
        }
    }
}
