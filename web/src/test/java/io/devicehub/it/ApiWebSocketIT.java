package io.devicehub.it;

import io.devicehub.client.ApiCallException;
import io.devicehub.client.ApiClient;
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
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WebSocket API ({@code /ws/api}) from outside, with raw JDK WebSocket clients against devices written with the
 * SDK: both ways to authenticate and each refusal, many calls in flight on one socket matched by id, every way a call
 * fails with the REST API's problem types, the limit of calls in flight, subscriptions and their pushes, and that
 * tokens and accounts see only what they may.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiWebSocketIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.devicehubWar();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private URI endpoint;
    private String username;
    private String token;
    private DeviceClient device;
    private final AtomicInteger reboots = new AtomicInteger();
    private final List<RawDevice> sockets = new ArrayList<>();

    @BeforeEach
    void aDeviceOnline() throws InterruptedException {
        api = new Api(base);
        endpoint = URI.create(api.uri("ws/api").toString().replaceFirst("^http", "ws"));
        username = Names.unique("wsapi");
        SignUpForm.account(base, username);
        token = api.accessToken(username, SignUpForm.PASSWORD);
        device = start("greenhouse-1", api.register(token, "greenhouse-1"));
        api.register(token, "sleeping");
    }

    private DeviceClient start(String identifier, String credential) throws InterruptedException {
        DeviceClient client = DeviceClient.builder(api.deviceEndpoint())
                .account(username).device(identifier).credential(credential)
                .resource(Resource.inputOutput("echo", input -> input))
                .resource(Resource.output("temperature", () -> Json.createValue(21.5)))
                .resource(Resource.run("reboot", reboots::incrementAndGet))
                .resource(Resource.outputAsync("slow", CompletableFuture::new))
                .build();
        client.start();
        assertTrue(client.awaitOnline(Duration.ofSeconds(15)));
        for (int i = 0; i < 100 && !api.get("api/v1/devices/" + identifier + "/resources", token).body()
                .contains("\"slow\""); i++) {
            Thread.sleep(50);
        }
        return client;
    }

    @AfterEach
    void close() {
        sockets.forEach(RawDevice::close);
        device.close();
    }

    private RawDevice open(String bearer) {
        RawDevice socket = RawDevice.connect(endpoint, "Bearer " + bearer);
        sockets.add(socket);
        return socket;
    }

    private RawDevice openWithoutHeader() {
        RawDevice socket = RawDevice.connect(endpoint);
        sockets.add(socket);
        return socket;
    }

    @Test
    void callsAreMultiplexedOnOneSocketAndAnsweredById() {
        RawDevice socket = open(token);
        JsonObject welcome = json(socket.next());
        assertEquals("welcome", welcome.getString("type"));
        assertEquals(username, welcome.getString("account"));
        assertEquals(256, welcome.getInt("maxInFlight"));

        for (int i = 0; i < 50; i++) {
            socket.send("{\"type\":\"call\",\"id\":\"c" + i + "\",\"device\":\"greenhouse-1\",\"resource\":\"echo\","
                    + "\"input\":{\"n\":" + i + "}}");
        }
        Map<String, JsonObject> answers = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            JsonObject answer = json(socket.next());
            answers.put(answer.getString("id"), answer);
        }
        for (int i = 0; i < 50; i++) {
            JsonObject answer = answers.get("c" + i);
            assertEquals("result", answer.getString("type"), answer.toString());
            assertEquals(i, answer.getJsonObject("output").getInt("n"));
            assertEquals("greenhouse-1", answer.getString("device"));
            assertEquals("echo", answer.getString("resource"));
        }

        socket.send("{\"type\":\"call\",\"id\":\"t\",\"device\":\"greenhouse-1\",\"resource\":\"temperature\","
                + "\"timeout\":\"PT5S\"}");
        assertEquals(21.5, json(socket.next()).getJsonNumber("output").doubleValue());
        socket.send("{\"type\":\"call\",\"id\":\"r\",\"device\":\"greenhouse-1\",\"resource\":\"reboot\"}");
        assertFalse(json(socket.next()).containsKey("output"), "a run resource has no output");
        assertEquals(1, reboots.get());
        socket.send("{\"type\":\"ping\",\"id\":\"p\"}");
        assertEquals("{\"type\":\"pong\",\"id\":\"p\"}", socket.next());
    }

    @Test
    void eachFailureIsTheRestApisProblemAndTheSocketStaysOpen() {
        RawDevice socket = open(token);
        socket.next();
        Map<String, String> failures = new HashMap<>();
        failures.put("{\"type\":\"call\",\"id\":\"1\",\"device\":\"greenhouse-1\",\"resource\":\"humidity\"}",
                "unknown-resource");
        failures.put("{\"type\":\"call\",\"id\":\"2\",\"device\":\"sleeping\",\"resource\":\"echo\",\"input\":1}",
                "device-offline");
        failures.put("{\"type\":\"call\",\"id\":\"3\",\"device\":\"no-such\",\"resource\":\"echo\",\"input\":1}",
                "device-not-found");
        failures.put("{\"type\":\"call\",\"id\":\"4\",\"device\":\"greenhouse-1\",\"resource\":\"echo\"}",
                "invalid-input");
        failures.put("{\"type\":\"call\",\"id\":\"5\",\"device\":\"greenhouse-1\",\"resource\":\"slow\","
                + "\"timeout\":300}", "device-timeout");
        failures.put("{\"type\":\"call\",\"id\":\"6\",\"device\":\"greenhouse-1\",\"resource\":\"echo\","
                + "\"input\":1,\"timeout\":0}", "invalid-input");
        failures.put("{\"type\":\"call\",\"id\":\"7\",\"resource\":\"echo\",\"input\":1}", "invalid-input");
        failures.put("{\"type\":\"call\",\"id\":\"8\",\"device\":\"greenhouse-1\",\"resource\":\"echo\","
                + "\"input\":1,\"extra\":true}", "invalid-input");
        failures.put("{\"type\":\"launch\",\"id\":\"9\"}", "invalid-input");
        failures.put("{\"type\":\"auth\",\"id\":\"10\",\"token\":\"again\"}", "invalid-input");
        failures.forEach((message, slug) -> {
            socket.send(message);
            JsonObject error = json(socket.next());
            assertEquals("error", error.getString("type"), message);
            assertEquals("urn:devicehub:problem:" + slug, error.getJsonObject("problem").getString("type"), message);
            assertFalse(error.getJsonObject("problem").getString("detail").isBlank());
        });
        socket.send("{\"type\":\"call\",\"device\":\"greenhouse-1\",\"resource\":\"echo\",\"input\":1}");
        JsonObject noId = json(socket.next());
        assertFalse(noId.containsKey("id"));
        assertEquals("id", noId.getJsonObject("problem").getJsonArray("errors").getJsonObject(0).getString("field"));
        socket.send("{\"type\": ");
        assertEquals("urn:devicehub:problem:malformed-json", json(socket.next()).getJsonObject("problem")
                .getString("type"));
        socket.send("[1, 2]");
        assertEquals("urn:devicehub:problem:invalid-input", json(socket.next()).getJsonObject("problem")
                .getString("type"));

        socket.send("{\"type\":\"call\",\"id\":\"again\",\"device\":\"greenhouse-1\",\"resource\":\"slow\","
                + "\"timeout\":2000}");
        socket.send("{\"type\":\"call\",\"id\":\"again\",\"device\":\"greenhouse-1\",\"resource\":\"echo\","
                + "\"input\":1}");
        JsonObject repeated = json(socket.next());
        assertEquals("again", repeated.getString("id"));
        assertEquals("urn:devicehub:problem:invalid-input", repeated.getJsonObject("problem").getString("type"));
        assertEquals("urn:devicehub:problem:device-timeout", json(socket.next()).getJsonObject("problem")
                .getString("type"), "the first call of that id ends on its own");

        socket.send("{\"type\":\"call\",\"id\":\"after\",\"device\":\"greenhouse-1\",\"resource\":\"echo\","
                + "\"input\":\"still open\"}");
        assertEquals("still open", json(socket.next()).getString("output"));
    }

    @Test
    void beyondTheCallsInFlightLimitACallIsRefusedAtOnce() throws InterruptedException {
        // A device takes 100 calls waiting at most (device-busy beyond): three devices hold the socket's 256.
        List<DeviceClient> more = List.of(start("greenhouse-2", api.register(token, "greenhouse-2")),
                start("greenhouse-3", api.register(token, "greenhouse-3")));
        RawDevice socket = open(token);
        socket.next();
        for (int i = 0; i < 257; i++) {
            socket.send("{\"type\":\"call\",\"id\":\"s" + i + "\",\"device\":\"greenhouse-" + (1 + i % 3)
                    + "\",\"resource\":\"slow\",\"timeout\":3000}");
        }
        JsonObject refused = json(socket.next());
        assertEquals("s256", refused.getString("id"), refused.toString());
        assertEquals("urn:devicehub:problem:too-many-calls", refused.getJsonObject("problem").getString("type"));
        assertEquals(429, refused.getJsonObject("problem").getInt("status"));
        for (int i = 0; i < 256; i++) {
            assertEquals("urn:devicehub:problem:device-timeout", json(socket.next()).getJsonObject("problem")
                    .getString("type"));
        }
        socket.send("{\"type\":\"call\",\"id\":\"free\",\"device\":\"greenhouse-1\",\"resource\":\"echo\","
                + "\"input\":1}");
        assertEquals("result", json(socket.next()).getString("type"), "room again once the calls ended");
        more.forEach(DeviceClient::close);
    }

    @Test
    void aProgramThatStopsReadingIsDroppedAndNothingElseNotices() {
        String input = "\"" + "x".repeat(16_000) + "\"";
        try (RawWebSocket stuck = RawWebSocket.unread(endpoint, "Bearer " + token)) {
            assertTrue(stuck.sendUntilDropped(i -> "{\"type\":\"call\",\"id\":\"" + i + "\",\"device\":"
                    + "\"greenhouse-1\",\"resource\":\"echo\",\"input\":" + input + "}", Duration.ZERO, Duration.ofSeconds(60)),
                    "the server holds at most 1,000 answers for a socket, then closes its connection");
        }
        RawDevice other = open(token);
        other.next();
        other.send("{\"type\":\"call\",\"id\":\"1\",\"device\":\"greenhouse-1\",\"resource\":\"echo\","
                + "\"input\":\"fine\"}");
        assertEquals("fine", json(other.next()).getString("output"), "the device and other sockets carry on");
    }

    @Test
    void aBrowserAuthenticatesWithItsFirstMessageAndEveryRefusalCloses() {
        RawDevice browser = openWithoutHeader();
        browser.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
        assertEquals("welcome", json(browser.next()).getString("type"));

        RawDevice early = openWithoutHeader();
        early.send("{\"type\":\"call\",\"id\":\"1\",\"device\":\"greenhouse-1\",\"resource\":\"reboot\"}");
        assertEquals("urn:devicehub:problem:not-authenticated", json(early.next()).getJsonObject("problem")
                .getString("type"));
        assertEquals(4401, early.closeCode());

        RawDevice wrong = openWithoutHeader();
        wrong.send("{\"type\":\"auth\",\"token\":\"dh_at_not-a-real-token\"}");
        assertEquals("urn:devicehub:problem:not-authenticated", json(wrong.next()).getJsonObject("problem")
                .getString("type"));
        assertEquals(4401, wrong.closeCode());

        RawDevice badHeader = open("dh_pat_unknown");
        assertEquals("urn:devicehub:problem:not-authenticated", json(badHeader.next()).getJsonObject("problem")
                .getString("type"));
        assertEquals(4401, badHeader.closeCode());
        assertEquals(0, reboots.get());

        RawDevice binary = open(token);
        binary.next();
        binary.sendBinary(new byte[]{1, 2, 3});
        json(binary.next());
        assertEquals(1003, binary.closeCode());

        RawDevice huge = open(token);
        huge.next();
        huge.send("{\"type\":\"ping\",\"id\":\"" + "x".repeat(70_000) + "\"}");
        assertEquals(1009, huge.closeCode());

        RawDevice revoked = open(api.apiToken(token, "{\"name\":\"soon revoked\",\"scopes\":[\"resources:call\"]}"));
        assertEquals("welcome", json(revoked.next()).getString("type"));
        String id = api.get("api/v1/tokens", token).value().asJsonArray().getJsonObject(0).get("id").toString();
        assertEquals(204, api.delete("api/v1/tokens/" + id, token).status());
        revoked.send("{\"type\":\"call\",\"id\":\"1\",\"device\":\"greenhouse-1\",\"resource\":\"reboot\"}");
        assertEquals("urn:devicehub:problem:not-authenticated", json(revoked.next()).getJsonObject("problem")
                .getString("type"), "a revoked token ends the socket at its next message");
        assertEquals(4401, revoked.closeCode());
        assertEquals(0, reboots.get());
    }

    @Test
    void subscriptionsPushWhatDevicesDoAndTokensSeeOnlyTheirDevices() throws InterruptedException {
        RawDevice watcher = open(token);
        watcher.next();
        watcher.send("{\"type\":\"subscribe\",\"id\":\"s1\",\"events\":[\"connected\",\"disconnected\"],"
                + "\"devices\":[\"greenhouse-1\"]}");
        JsonObject subscribed = json(watcher.next());
        assertEquals("subscribed", subscribed.getString("type"));
        assertEquals("s1", subscribed.getString("id"));

        String strangerName = Names.unique("stranger");
        SignUpForm.account(base, strangerName);
        String strangers = api.accessToken(strangerName, SignUpForm.PASSWORD);
        RawDevice stranger = open(strangers);
        stranger.next();
        stranger.send("{\"type\":\"subscribe\",\"id\":\"all\",\"events\":[\"connected\",\"disconnected\","
                + "\"statistics\"]}");
        stranger.next();
        stranger.send("{\"type\":\"call\",\"id\":\"1\",\"device\":\"greenhouse-1\",\"resource\":\"reboot\"}");
        assertEquals("urn:devicehub:problem:device-not-found", json(stranger.next()).getJsonObject("problem")
                .getString("type"));

        device.close();
        JsonObject gone = json(watcher.next());
        assertEquals("event", gone.getString("type"));
        assertEquals("s1", gone.getString("subscription"));
        assertEquals("disconnected", gone.getString("event"));
        assertEquals("greenhouse-1", gone.getString("device"));
        assertTrue(gone.containsKey("closeCode"));
        device = start("greenhouse-1", api.post("api/v1/devices/greenhouse-1/credential", token, "{\"generate\":"
                + "true}").json().getString("credential"));
        JsonObject back = json(nextEvent(watcher, "connected"));
        assertEquals("greenhouse-1", back.getString("device"));

        watcher.send("{\"type\":\"subscribe\",\"id\":\"stats\",\"events\":[\"statistics\"]}");
        watcher.next();
        watcher.send("{\"type\":\"call\",\"id\":\"c\",\"device\":\"greenhouse-1\",\"resource\":\"echo\","
                + "\"input\":1}");
        JsonObject statistics = json(nextEvent(watcher, "statistics"));
        assertTrue(statistics.getJsonObject("session").getJsonNumber("calls").longValue() >= 1, statistics.toString());
        watcher.send("{\"type\":\"unsubscribe\",\"id\":\"stats\"}");
        assertEquals("unsubscribed", json(nextOfType(watcher, "unsubscribed")).getString("type"));

        String limited = api.apiToken(token, "{\"name\":\"one\",\"scopes\":[\"devices:read\"],\"device\":\"sleeping\"}");
        RawDevice one = open(limited);
        one.next();
        one.send("{\"type\":\"subscribe\",\"id\":\"x\",\"events\":[\"connected\"],\"devices\":[\"greenhouse-1\"]}");
        assertEquals("urn:devicehub:problem:token-restricted", json(one.next()).getJsonObject("problem")
                .getString("type"));
        one.send("{\"type\":\"subscribe\",\"id\":\"y\",\"events\":[\"connected\"]}");
        assertEquals(List.of("sleeping"), json(one.next()).getJsonArray("devices").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        one.send("{\"type\":\"call\",\"id\":\"1\",\"device\":\"sleeping\",\"resource\":\"reboot\"}");
        assertEquals("urn:devicehub:problem:insufficient-scope", json(one.next()).getJsonObject("problem")
                .getString("type"));
        one.send("{\"type\":\"subscribe\",\"id\":\"z\",\"events\":[\"rebooted\"]}");
        assertEquals("urn:devicehub:problem:invalid-input", json(one.next()).getJsonObject("problem")
                .getString("type"));

        stranger.send("{\"type\":\"ping\"}");
        assertEquals("{\"type\":\"pong\"}", stranger.next(), "nothing of another account's device reached it");
    }

    @Test
    void theJavaClientCallsSubscribesAndReportsProblems() throws Exception {
        try (ApiClient client = ApiClient.connect(endpoint, token)) {
            assertEquals(256, client.maxInFlight());
            List<CompletableFuture<JsonValue>> echoes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                echoes.add(client.call("greenhouse-1", "echo", Json.createValue(i), Duration.ofSeconds(5)));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals(Json.createValue(i), echoes.get(i).get(10, TimeUnit.SECONDS));
            }
            assertEquals(JsonValue.NULL, client.call("greenhouse-1", "reboot", null, null).get(10, TimeUnit.SECONDS));
            ExecutionException offline = assertThrows(ExecutionException.class, () -> client.call("sleeping", "echo",
                    JsonValue.TRUE, null).get(10, TimeUnit.SECONDS));
            assertEquals("device-offline", ((ApiCallException) offline.getCause()).problemType());

            BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
            client.subscribe("watch", List.of("disconnected", "data"), List.of("greenhouse-1"), events::add)
                    .get(10, TimeUnit.SECONDS);
            api.post("api/v1/buckets", token, "{\"identifier\":\"climate\",\"source\":{\"type\":\"devices\","
                    + "\"devices\":[\"greenhouse-1\"]}}").assertCreated();
            Instant stored = device.push("climate", Json.createObjectBuilder().add("celsius", 19.5).build())
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            JsonObject data = events.poll(15, TimeUnit.SECONDS);
            assertEquals("data", data.getString("event"), data.toString());
            assertEquals("climate", data.getString("bucket"));
            assertEquals(stored.toString(), data.getString("ts"));
            assertEquals(19.5, data.getJsonObject("value").getJsonNumber("celsius").doubleValue());
            device.close();
            JsonObject gone = events.poll(15, TimeUnit.SECONDS);
            assertEquals("disconnected", gone.getString("event"));
            assertEquals("greenhouse-1", gone.getString("device"));
            device = start("greenhouse-1", api.post("api/v1/devices/greenhouse-1/credential", token,
                    "{\"generate\":true}").json().getString("credential"));
        }
        ApiCallException refused = assertThrows(ApiCallException.class, () -> ApiClient.connect(endpoint,
                "dh_pat_not-a-token"));
        assertEquals("not-authenticated", refused.problemType());
    }

    /** The next message of this type, skipping events that may come between (statistics once a second). */
    private static String nextOfType(RawDevice socket, String type) {
        for (int i = 0; i < 20; i++) {
            String message = socket.next();
            if (json(message).getString("type").equals(type)) {
                return message;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static String nextEvent(RawDevice socket, String event) {
        for (int i = 0; i < 20; i++) {
            String message = socket.next();
            JsonObject json = json(message);
            if ("event".equals(json.getString("type")) && event.equals(json.getString("event"))) {
                return message;
            }
        }
        throw new AssertionError("no " + event + " event");
    }

    private static JsonObject json(String text) {
        if (text.startsWith(RawDevice.CLOSED)) {
            throw new AssertionError("the socket closed: " + text);
        }
        JsonValue value = Json.createReader(new StringReader(text)).readValue();
        return value.asJsonObject();
    }
}
