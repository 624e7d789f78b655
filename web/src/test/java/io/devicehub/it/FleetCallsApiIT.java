package io.devicehub.it;

import io.devicehub.client.DeviceClient;
import io.devicehub.client.Resource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fleet calls ({@code POST /api/v1/calls}) end to end to devices written with the SDK: the NDJSON stream with a line
 * per device as it answers and the summary last, each device's outcome being the problem a single call would give,
 * filters, inputs, one deadline for all, bad requests that call no device, tokens limited to a device or to
 * resources, and the bound on fleet calls running at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FleetCallsApiIT {

    private static final String NDJSON = "application/x-ndjson";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.devicehubWar();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String token;
    private final List<DeviceClient> online = new ArrayList<>();
    private final Map<String, JsonValue> leds = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void aFleetOnline() throws InterruptedException {
        api = new Api(base);
        String username = Names.unique("fleet");
        SignUpForm.account(base, username);
        token = api.accessToken(username, SignUpForm.PASSWORD);
        for (String identifier : List.of("greenhouse-1", "greenhouse-2", "barn-1")) {
            String credential = api.register(token, identifier);
            DeviceClient device = DeviceClient.builder(api.deviceEndpoint())
                    .account(username).device(identifier).credential(credential)
                    .resource(Resource.output("temperature", () -> {
                        calls.incrementAndGet();
                        return Json.createObjectBuilder().add("celsius", identifier.length()).build();
                    }))
                    .resource(Resource.input("led", input -> {
                        calls.incrementAndGet();
                        leds.put(identifier, input);
                    }))
                    .resource(Resource.outputAsync("slow", () -> {
                        calls.incrementAndGet();
                        return identifier.equals("barn-1") ? new CompletableFuture<>()
                                : CompletableFuture.completedFuture(Json.createValue(identifier));
                    }))
                    .build();
            device.start();
            online.add(device);
        }
        api.register(token, "greenhouse-offline");
        for (DeviceClient device : online) {
            assertTrue(device.awaitOnline(Duration.ofSeconds(15)));
        }
        // Online is set at welcome; the resources arrive with the describe that follows it.
        for (int i = 0; i < 100 && !api.get("api/v1/devices/barn-1/resources", token).body().contains("\"slow\"");
             i++) {
            Thread.sleep(50);
        }
    }

    @AfterEach
    void disconnect() {
        online.forEach(DeviceClient::close);
    }

    @Test
    void eachDeviceGetsTheLineASingleCallWouldGiveAndTheSummaryComesLast() {
        Stream.Builder<String> lines = Stream.builder();
        List<Long> arrivals = new ArrayList<>();
        long start = System.nanoTime();
        HttpResponse<Stream<String>> response = stream(token, "{\"resource\": \"slow\", \"timeout\": 3000, "
                + "\"devices\": [\"greenhouse-1\", \"greenhouse-2\", \"barn-1\", \"greenhouse-offline\", "
                + "\"no-such-device\"]}");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(NDJSON));
        response.body().forEach(line -> {
            arrivals.add(System.nanoTime() - start);
            lines.add(line);
        });
        List<JsonObject> parsed = lines.build().map(FleetCallsApiIT::json).toList();
        assertEquals(6, parsed.size(), parsed.toString());
        Map<String, JsonObject> byDevice = byDevice(parsed);

        assertEquals("greenhouse-1", byDevice.get("greenhouse-1").getString("output"));
        assertEquals("slow", byDevice.get("greenhouse-2").getString("resource"));
        assertTrue(byDevice.get("greenhouse-2").getJsonNumber("durationMs").longValue() >= 0);
        assertEquals("urn:devicehub:problem:device-timeout", problemType(byDevice.get("barn-1")));
        assertEquals(504, byDevice.get("barn-1").getJsonObject("problem").getInt("status"));
        assertEquals("urn:devicehub:problem:device-offline", problemType(byDevice.get("greenhouse-offline")));
        assertEquals("urn:devicehub:problem:device-not-found", problemType(byDevice.get("no-such-device")));
        assertEquals("barn-1", parsed.get(4).getString("device"), "the device that never answers comes last");

        JsonObject summary = parsed.get(5).getJsonObject("summary");
        assertEquals(5, summary.getInt("devices"));
        assertEquals(2, summary.getInt("answered"));
        assertEquals(3, summary.getInt("failed"));
        assertEquals(Json.createObjectBuilder().add("device-not-found", 1).add("device-offline", 1)
                .add("device-timeout", 1).build(), summary.getJsonObject("problems"));
        assertTrue(summary.getJsonNumber("durationMs").longValue() >= 3000, summary.toString());
        // Streamed: the answers were read while the call of barn-1 was still waiting for its timeout.
        assertTrue(arrivals.get(4) - arrivals.get(3) > TimeUnit.SECONDS.toNanos(2),
                "the first lines arrived before the stream ended: " + arrivals);
    }

    @Test
    void filtersSelectLikeTheDeviceListAndOneInputGoesToEveryDevice() {
        List<JsonObject> greenhouses = call(token, "{\"resource\": \"temperature\", \"filter\": {\"q\": "
                + "\"GREENHOUSE\", \"status\": \"online\"}}");
        assertEquals(Map.of("greenhouse-1", 12, "greenhouse-2", 12), byDevice(greenhouses).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getJsonObject("output")
                        .getInt("celsius"))));
        assertEquals(2, summary(greenhouses).getInt("answered"));

        List<JsonObject> offline = call(token, "{\"resource\": \"temperature\", \"filter\": {\"status\": "
                + "\"offline\"}}");
        assertEquals(List.of("greenhouse-offline"), List.copyOf(byDevice(offline).keySet()));
        assertEquals("urn:devicehub:problem:device-offline", problemType(offline.get(0)));

        List<JsonObject> all = call(token, "{\"resource\": \"led\", \"input\": {\"on\": true}, \"filter\": {}}");
        assertEquals(4, summary(all).getInt("devices"));
        assertEquals(3, summary(all).getInt("answered"));
        assertFalse(byDevice(all).get("barn-1").containsKey("output"), "an input resource has no output");
        JsonValue on = Json.createObjectBuilder().add("on", true).build();
        assertEquals(Map.of("greenhouse-1", on, "greenhouse-2", on, "barn-1", on), leds);

        List<JsonObject> mismatch = call(token, "{\"resource\": \"temperature\", \"input\": 1, \"devices\": "
                + "[\"barn-1\"]}");
        assertEquals("urn:devicehub:problem:invalid-input", problemType(mismatch.get(0)));
        assertEquals("input", mismatch.get(0).getJsonObject("problem").getJsonArray("errors").getJsonObject(0)
                .getString("field"));
        List<JsonObject> unknown = call(token, "{\"resource\": \"humidity\", \"devices\": [\"barn-1\"]}");
        assertEquals("urn:devicehub:problem:unknown-resource", problemType(unknown.get(0)));
    }

    @Test
    void aBadRequestIsOneProblemAndCallsNoDevice() {
        String tooMany = IntStream.rangeClosed(0, 10_000).mapToObj(i -> "\"d" + i + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        Map<String, String> badBodies = new HashMap<>();
        badBodies.put("{\"devices\": [\"barn-1\"]}", "resource");
        badBodies.put("{\"resource\": \"temperature\"}", "devices");
        badBodies.put("{\"resource\": \"temperature\", \"devices\": [\"barn-1\"], \"filter\": {}}", "filter");
        badBodies.put("{\"resource\": \"temperature\", \"devices\": []}", "devices");
        badBodies.put("{\"resource\": \"temperature\", \"devices\": " + tooMany + "}", "devices");
        badBodies.put("{\"resource\": \"temperature\", \"devices\": [\"barn-1\", \"barn-1\"]}", "devices[1]");
        badBodies.put("{\"resource\": \"temperature\", \"devices\": [\"barn-1\", \"<script>\"]}", "devices[1]");
        badBodies.put("{\"resource\": \"temperature\", \"devices\": [\"barn-1\", 7]}", "devices[1]");
        badBodies.put("{\"resource\": \"temperature\", \"devices\": [\"barn-1\"], \"timeout\": 0}", "timeout");
        badBodies.put("{\"resource\": \"temperature\", \"devices\": [\"barn-1\"], \"timeout\": 60001}", "timeout");
        badBodies.put("{\"resource\": \"temperature\", \"devices\": [\"barn-1\"], \"timeout\": \"soon\"}",
                "timeout");
        badBodies.put("{\"resource\": \"temperature\", \"filter\": {\"status\": \"asleep\"}}", "filter.status");
        badBodies.put("{\"resource\": \"temperature\", \"filter\": {\"q\": \"" + "x".repeat(101) + "\"}}",
                "filter.q");
        badBodies.put("{\"resource\": \"temperature\", \"filter\": {\"state\": \"online\"}}", "filter.state");
        badBodies.put("{\"resource\": \"temperature\", \"device\": \"barn-1\"}", "device");
        badBodies.forEach((body, field) -> {
            Api.Reply reply = api.post("api/v1/calls", token, body).assertProblem(400, "invalid-input");
            assertTrue(reply.errorFields().contains(field), body + " -> " + reply.body());
        });
        api.post("api/v1/calls", token, "{\"resource\": ").assertProblem(400, "malformed-json");
        api.post("api/v1/calls", token, "[\"barn-1\"]").assertProblem(400, "malformed-json");
        api.post("api/v1/calls", token, "{\"resource\": \"led\", \"input\": \"" + "x".repeat(1_048_576)
                + "\", \"devices\": [\"barn-1\"]}").assertProblem(413, "payload-too-large");
        assertEquals(0, calls.get(), "no device was called");
        assertTrue(leds.isEmpty());
    }

    @Test
    void tokensReachOnlyWhatTheyAreLimitedTo() {
        String oneDevice = api.apiToken(token, "{\"name\":\"barn\",\"scopes\":[\"resources:call\"],"
                + "\"device\":\"barn-1\"}");
        List<JsonObject> lines = call(oneDevice, "{\"resource\": \"temperature\", \"devices\": [\"barn-1\", "
                + "\"greenhouse-1\", \"not-mine\"]}");
        Map<String, JsonObject> byDevice = byDevice(lines);
        assertEquals(6, byDevice.get("barn-1").getJsonObject("output").getInt("celsius"));
        assertEquals("urn:devicehub:problem:token-restricted", problemType(byDevice.get("greenhouse-1")));
        assertEquals("urn:devicehub:problem:token-restricted", problemType(byDevice.get("not-mine")),
                "a device that does not exist looks like one that does");
        assertEquals(1, calls.get());
        api.post("api/v1/calls", oneDevice, "{\"resource\": \"temperature\", \"filter\": {}}")
                .assertProblem(403, "token-restricted");

        String thermometer = api.apiToken(token, "{\"name\":\"thermometer\",\"scopes\":[\"resources:call\"],"
                + "\"device\":\"barn-1\",\"resources\":[\"temperature\"]}");
        api.post("api/v1/calls", thermometer, "{\"resource\": \"led\", \"input\": true, \"devices\": [\"barn-1\"]}")
                .assertProblem(403, "token-restricted");
        String reader = api.apiToken(token, "{\"name\":\"reader\",\"scopes\":[\"devices:read\"]}");
        api.post("api/v1/calls", reader, "{\"resource\": \"temperature\", \"devices\": [\"barn-1\"]}")
                .assertProblem(403, "insufficient-scope");
        api.post("api/v1/calls", null, "{\"resource\": \"temperature\", \"devices\": [\"barn-1\"]}")
                .assertProblem(401, "not-authenticated");

        String stranger = Names.unique("stranger");
        SignUpForm.account(base, stranger);
        String strangers = api.accessToken(stranger, SignUpForm.PASSWORD);
        List<JsonObject> theirs = call(strangers, "{\"resource\": \"led\", \"input\": true, \"devices\": "
                + "[\"barn-1\", \"greenhouse-1\"]}");
        assertEquals(List.of("urn:devicehub:problem:device-not-found", "urn:devicehub:problem:device-not-found"),
                theirs.subList(0, 2).stream().map(FleetCallsApiIT::problemType).toList());
        assertEquals(0, call(strangers, "{\"resource\": \"led\", \"input\": true, \"filter\": {}}").size() - 1,
                "a filter selects only the caller's own devices");
        assertEquals(1, calls.get(), "no call reached another account's device");
        assertTrue(leds.isEmpty());
    }

    @Test
    void aFleetCallOutlivesTheContainersAsyncTimeout() {
        // Payara ends asynchronous requests after 30 s unless told otherwise; a fleet call may wait 60 s for devices.
        long start = System.nanoTime();
        List<JsonObject> lines = call(token, "{\"resource\": \"slow\", \"timeout\": 35000, \"devices\": "
                + "[\"greenhouse-1\", \"barn-1\"]}");
        assertTrue(System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(35), "the stream lasted as long as the call");
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("greenhouse-1", byDevice(lines).get("greenhouse-1").getString("output"));
        assertEquals("urn:devicehub:problem:device-timeout", problemType(byDevice(lines).get("barn-1")));
        assertEquals(1, summary(lines).getInt("answered"));
    }

    @Test
    void atMostSixteenFleetCallsRunAtOnce() throws Exception {
        List<CompletableFuture<HttpResponse<Stream<String>>>> running = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            running.add(api.http().sendAsync(request(token, "{\"resource\": \"slow\", \"timeout\": 4000, "
                    + "\"devices\": [\"barn-1\"]}"), HttpResponse.BodyHandlers.ofLines()));
        }
        for (CompletableFuture<HttpResponse<Stream<String>>> call : running) {
            assertEquals(200, call.get(30, TimeUnit.SECONDS).statusCode(), "streaming: admitted and running");
        }
        Api.Reply refused = api.post("api/v1/calls", token, "{\"resource\": \"temperature\", \"devices\": "
                + "[\"greenhouse-1\"]}").assertProblem(503, "server-busy");
        assertEquals("1", refused.header("Retry-After"));
        for (CompletableFuture<HttpResponse<Stream<String>>> call : running) {
            List<String> lines = call.get().body().toList();
            assertEquals("urn:devicehub:problem:device-timeout", problemType(json(lines.get(0))));
        }
        assertEquals(1, summary(call(token, "{\"resource\": \"temperature\", \"devices\": [\"greenhouse-1\"]}"))
                .getInt("answered"), "a place is free again once a fleet call has ended");
    }

    private List<JsonObject> call(String bearer, String body) {
        HttpResponse<Stream<String>> response = stream(bearer, body);
        assertEquals(200, response.statusCode());
        List<JsonObject> lines = response.body().map(FleetCallsApiIT::json).toList();
        assertTrue(lines.get(lines.size() - 1).containsKey("summary"), lines.toString());
        return lines;
    }

    private HttpResponse<Stream<String>> stream(String bearer, String body) {
        try {
            return api.http().send(request(bearer, body), HttpResponse.BodyHandlers.ofLines());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String bearer, String body) {
        return api.request("api/v1/calls", bearer).header("Content-Type", Api.JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Map<String, JsonObject> byDevice(List<JsonObject> lines) {
        Map<String, JsonObject> byDevice = new java.util.LinkedHashMap<>();
        lines.stream().filter(line -> line.containsKey("device")).forEach(line -> byDevice.put(line.getString(
                "device"), line));
        return byDevice;
    }

    private static JsonObject summary(List<JsonObject> lines) {
        return lines.get(lines.size() - 1).getJsonObject("summary");
    }

    private static String problemType(JsonObject line) {
        return line.getJsonObject("problem").getString("type");
    }

    private static JsonObject json(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }
}
