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

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resource calls over the REST API, end to end to a device written with the SDK: every kind of resource, every way
 * a call can fail with its own status, tokens limited to some resources, and that calls waiting for a device hold
 * no request thread.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResourceCallsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.devicehubWar();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String username;
    private String token;
    private DeviceClient device;
    private final AtomicReference<JsonValue> led = new AtomicReference<>(JsonValue.FALSE);
    private final AtomicInteger reboots = new AtomicInteger();
    private final AtomicInteger slowCalls = new AtomicInteger();

    @BeforeEach
    void aDeviceOnline() throws InterruptedException {
        api = new Api(base);
        username = Names.unique("call");
        SignUpForm.account(base, username);
        token = api.accessToken(username, SignUpForm.PASSWORD);
        String credential = api.register(token, "greenhouse-1");
        device = DeviceClient.builder(api.deviceEndpoint())
                .account(username).device("greenhouse-1").credential(credential)
                .resource(Resource.output("temperature", () -> Json.createObjectBuilder().add("celsius", 21.5).build())
                        .example(Json.createObjectBuilder().add("celsius", 20).build())
                        .description("Air temperature"))
                .resource(Resource.input("led", led::set).example(JsonValue.TRUE))
                .resource(Resource.inputOutput("echo", input -> input))
                .resource(Resource.run("reboot", reboots::incrementAndGet))
                .resource(Resource.output("broken", () -> {
                    throw new IllegalStateException("sensor unplugged");
                }))
                .resource(Resource.outputAsync("slow", () -> {
                    slowCalls.incrementAndGet();
                    return new CompletableFuture<>();
                }))
                .build();
        device.start();
        assertTrue(device.awaitOnline(Duration.ofSeconds(15)));
        for (int i = 0; i < 100 && !api.get("api/v1/devices/greenhouse-1/resources", token).body()
                .contains("\"slow\""); i++) {
            Thread.sleep(50);
        }
    }

    @AfterEach
    void disconnect() {
        device.close();
    }

    @Test
    void everyKindOfResourceIsCalledEndToEnd() {
        JsonObject described = api.get("api/v1/devices/greenhouse-1/resources", token).json();
        List<JsonObject> resources = described.getJsonArray("resources").getValuesAs(JsonObject.class);
        assertEquals(List.of("temperature", "led", "echo", "reboot", "broken", "slow"),
                resources.stream().map(r -> r.getString("name")).toList());
        assertEquals("output", resources.get(0).getString("kind"));
        assertEquals("GET", resources.get(0).getString("method"));
        assertEquals("Air temperature", resources.get(0).getString("description"));
        assertEquals(20, resources.get(0).getJsonObject("output").getJsonObject("example").getInt("celsius"));
        assertEquals("POST", resources.get(1).getString("method"));
        assertEquals(api.uri("api/v1/devices/greenhouse-1/resources/led").getPath(),
                resources.get(1).getString("href"), "the path on this server, whatever its context root");

        Api.Reply temperature = api.get("api/v1/devices/greenhouse-1/resources/temperature", token);
        assertEquals(200, temperature.status(), temperature.body());
        assertTrue(temperature.contentType().startsWith(Api.JSON));
        assertEquals(21.5, temperature.json().getJsonObject("output").getJsonNumber("celsius").doubleValue());
        assertEquals("temperature", temperature.json().getString("resource"));
        assertTrue(temperature.json().getJsonNumber("durationMs").longValue() >= 0);

        Api.Reply switched = api.post("api/v1/devices/greenhouse-1/resources/led", token, "true");
        assertEquals(200, switched.status(), switched.body());
        assertFalse(switched.json().containsKey("output"), "an input resource has no output");
        assertEquals(JsonValue.TRUE, led.get());

        String anything = "{\"nested\":{\"list\":[1,2,3],\"text\":\"é\",\"none\":null}}";
        Api.Reply echoed = api.post("api/v1/devices/greenhouse-1/resources/echo?timeout=PT5S", token, anything);
        assertEquals(Json.createReader(new java.io.StringReader(anything)).readValue(), echoed.json().get("output"));
        assertEquals(Json.createValue("plain"), api.post("api/v1/devices/greenhouse-1/resources/echo", token,
                "\"plain\"").json().get("output"));

        assertEquals(200, api.get("api/v1/devices/greenhouse-1/resources/reboot", token).status());
        assertEquals(1, reboots.get());

        assertTrue(api.get("api/v1/devices/greenhouse-1", token).json().getJsonObject("session")
                .getJsonNumber("calls").longValue() >= 5, "the session counted the calls");
    }

    @Test
    void eachWayACallFailsHasItsOwnStatus() {
        Api.Reply broken = api.get("api/v1/devices/greenhouse-1/resources/broken", token)
                .assertProblem(502, "device-error");
        assertTrue(broken.detail().contains("sensor unplugged"), broken.detail());

        long started = System.nanoTime();
        Api.Reply slow = api.get("api/v1/devices/greenhouse-1/resources/slow?timeout=700", token)
                .assertProblem(504, "device-timeout");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMs >= 650 && tookMs < 5000, "waited " + tookMs + " ms for a 700 ms timeout");
        assertTrue(slow.detail().contains("700 ms"), slow.detail());

        api.get("api/v1/devices/greenhouse-1/resources/fan", token).assertProblem(404, "unknown-resource");
        api.get("api/v1/devices/no-such/resources/fan", token).assertProblem(404, "device-not-found");
        Api.Reply postToOutput = api.post("api/v1/devices/greenhouse-1/resources/temperature", token, "1")
                .assertProblem(405, "method-not-allowed");
        assertEquals("GET", postToOutput.header("Allow"));
        assertEquals("POST", api.get("api/v1/devices/greenhouse-1/resources/led", token)
                .assertProblem(405, "method-not-allowed").header("Allow"));
        api.send(api.request("api/v1/devices/greenhouse-1/resources/reboot", token)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(0, reboots.get(), "HEAD never calls the device");

        for (String timeout : List.of("0", "soon", "PT2M", "60001")) {
            assertEquals(List.of("timeout"), api.get("api/v1/devices/greenhouse-1/resources/temperature?timeout="
                    + timeout, token).assertProblem(400, "invalid-input").errorFields());
        }
        api.post("api/v1/devices/greenhouse-1/resources/led", token, "tru").assertProblem(400, "malformed-json");
        api.post("api/v1/devices/greenhouse-1/resources/echo", token, "\"" + "x".repeat(70_000) + "\"")
                .assertProblem(413, "payload-too-large");

        String rawCredential = api.register(token, "raw-1");
        try (RawDevice raw = RawDevice.connect(api.deviceEndpoint())) {
            assertTrue(raw.authenticate(username, "raw-1", rawCredential).contains("welcome"));
            raw.send("{\"type\":\"describe\",\"resources\":[{\"name\":\"temperature\",\"kind\":\"output\"}]}");
            raw.next();
            CompletableFuture<Api.Reply> call = CompletableFuture.supplyAsync(
                    () -> api.get("api/v1/devices/raw-1/resources/temperature", token));
            String id = Json.createReader(new java.io.StringReader(raw.next())).readObject().getString("id");
            raw.send("{\"type\":\"result\",\"id\":\"" + id + "\"}");
            Api.Reply invalid = call.join().assertProblem(502, "invalid-answer");
            assertTrue(invalid.detail().contains("without an output"), invalid.detail());
        }

        device.close();
        api.get("api/v1/devices/greenhouse-1/resources/temperature", token).assertProblem(503, "device-offline");
        api.post("api/v1/devices/greenhouse-1/resources/led", token, "true").assertProblem(503, "device-offline");
        api.get("api/v1/devices/greenhouse-1/resources", token).assertProblem(503, "device-offline");
    }

    @Test
    void anotherAccountCannotCallTheDevice() {
        String strangerName = Names.unique("stranger");
        SignUpForm.account(base, strangerName);
        String stranger = api.accessToken(strangerName, SignUpForm.PASSWORD);

        api.get("api/v1/devices/greenhouse-1/resources/temperature", stranger).assertProblem(404, "device-not-found");
        api.post("api/v1/devices/greenhouse-1/resources/led", stranger, "true").assertProblem(404, "device-not-found");
        api.get("api/v1/devices/greenhouse-1/resources", stranger).assertProblem(404, "device-not-found");
        assertEquals(JsonValue.FALSE, led.get());
    }

    @Test
    void aTokenLimitedToSomeResourcesSeesAndCallsOnlyThose() {
        String limited = api.apiToken(token, "{\"name\":\"thermometer\",\"scopes\":[\"resources:call\"],"
                + "\"device\":\"greenhouse-1\",\"resources\":[\"temperature\",\"echo\"]}");

        JsonObject described = api.get("api/v1/devices/greenhouse-1/resources", limited).json();
        assertEquals(List.of("temperature", "echo"), described.getJsonArray("resources").getValuesAs(JsonObject.class)
                .stream().map(r -> r.getString("name")).toList());
        assertEquals(200, api.get("api/v1/devices/greenhouse-1/resources/temperature", limited).status());
        assertEquals(200, api.post("api/v1/devices/greenhouse-1/resources/echo", limited, "1").status());
        api.get("api/v1/devices/greenhouse-1/resources/reboot", limited).assertProblem(403, "token-restricted");
        api.post("api/v1/devices/greenhouse-1/resources/led", limited, "true").assertProblem(403, "token-restricted");
        assertEquals(0, reboots.get());
        assertEquals(JsonValue.FALSE, led.get());
    }

    @Test
    void aDeviceCalledByTwentyCallersAtOnceStaysConnected() {
        List<CompletableFuture<List<Integer>>> callers = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            callers.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    statuses.add(api.post("api/v1/devices/greenhouse-1/resources/echo", token, "1").status());
                }
                return statuses;
            }));
        }
        List<Integer> statuses = callers.stream().flatMap(caller -> caller.join().stream()).toList();
        assertEquals(500, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertTrue(api.get("api/v1/devices/greenhouse-1", token).json().getBoolean("online"),
                "500 answers, far beyond the tests' 20 messages a second, did not count against the device");
    }

    @Test
    void callsWaitingForDevicesHoldNoRequestThread() throws Exception {
        int calls = 300; // more than the 200 threads of Payara's HTTP pool, 100 per device (the most in flight)
        List<DeviceClient> others = List.of(slowDevice("greenhouse-2"), slowDevice("greenhouse-3"));
        try {
            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                waiting.add(api.http().sendAsync(api.request("api/v1/devices/greenhouse-" + (1 + i % 3)
                        + "/resources/slow?timeout=4000", token).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < 100 && slowCalls.get() < calls; i++) {
                Thread.sleep(50);
            }
            long healthStarted = System.nanoTime();
            HttpResponse<String> health = api.http().send(HttpRequest.newBuilder(api.serverRoot()
                    .resolve("health")).build(), HttpResponse.BodyHandlers.ofString());
            long healthMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healthStarted);
            assertEquals(200, health.statusCode());
            assertEquals(200, api.get("api/v1/devices/greenhouse-1", token).status());
            api.get("api/v1/devices/greenhouse-1/resources/slow", token).assertProblem(503, "device-busy");

            CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long allMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            for (CompletableFuture<HttpResponse<String>> call : waiting) {
                assertEquals(504, call.join().statusCode(), call.join().body());
            }
            assertEquals(calls, slowCalls.get(), "every call reached its device at once");
            assertTrue(healthMs < 2000, "the server answered other requests at once, not after " + healthMs + " ms");
            assertTrue(allMs < 4000 + 3500, "all " + calls + " calls ended at their timeout, together, in " + allMs
                    + " ms (threads waiting for the device would need two rounds of 4 s)");
        } finally {
            others.forEach(DeviceClient::close);
        }
    }

    /**
     * Plain call requests are answered by the lean path (a filter), the same URL with an {@code Accept} header that
     * weighs types by JAX-RS: both give the same status, headers and body (the device's duration aside), for every
     * answer a call can have.
     */
    @Test
    void theLeanPathAndJaxRsAnswerEveryCallAlike() {
        String limited = api.apiToken(token, "{\"name\":\"thermometer\",\"scopes\":[\"resources:call\"],"
                + "\"device\":\"greenhouse-1\",\"resources\":[\"temperature\"]}");
        String reader = api.apiToken(token, "{\"name\":\"reader\",\"scopes\":[\"devices:read\"]}");
        String path = "api/v1/devices/greenhouse-1/resources/";
        Map<String, Function<HttpRequest.Builder, HttpRequest.Builder>> requests = new LinkedHashMap<>();
        requests.put("output", r -> r.uri(api.uri(path + "temperature")).header("Authorization", "Bearer " + token));
        requests.put("input/output", r -> post(r, path + "echo?timeout=PT5S", token,
                "{\"a\":[1,2.50,\"\u00e9\",null,{\"b\":true}]}"));
        requests.put("input", r -> post(r, path + "led", token, "true"));
        requests.put("run", r -> r.uri(api.uri(path + "reboot")).header("Authorization", "Bearer " + token));
        requests.put("first timeout counts", r -> r.uri(api.uri(path + "temperature?timeout=PT1S&timeout=0"))
                .header("Authorization", "Bearer " + token));
        requests.put("device error", r -> r.uri(api.uri(path + "broken")).header("Authorization", "Bearer " + token));
        requests.put("unknown resource", r -> r.uri(api.uri(path + "fan")).header("Authorization", "Bearer " + token));
        requests.put("unknown device", r -> r.uri(api.uri("api/v1/devices/nope/resources/fan"))
                .header("Authorization", "Bearer " + token));
        requests.put("input to an output", r -> post(r, path + "temperature", token, "1"));
        requests.put("no input to an input", r -> r.uri(api.uri(path + "led"))
                .header("Authorization", "Bearer " + token));
        requests.put("bad timeout", r -> r.uri(api.uri(path + "temperature?timeout=soon"))
                .header("Authorization", "Bearer " + token));
        requests.put("malformed", r -> post(r, path + "echo", token, "tru"));
        requests.put("empty body", r -> post(r, path + "echo", token, ""));
        requests.put("too large", r -> post(r, path + "echo", token, "\"" + "x".repeat(70_000) + "\""));
        requests.put("no token", r -> r.uri(api.uri(path + "temperature")));
        requests.put("not bearer", r -> r.uri(api.uri(path + "temperature")).header("Authorization", "Basic eDp5"));
        requests.put("unknown token", r -> r.uri(api.uri(path + "temperature"))
                .header("Authorization", "Bearer dh_pat_unknown"));
        requests.put("two tokens", r -> r.uri(api.uri(path + "temperature")).header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer " + token));
        requests.put("scope", r -> r.uri(api.uri(path + "temperature")).header("Authorization", "Bearer " + reader));
        requests.put("other resource", r -> r.uri(api.uri(path + "reboot"))
                .header("Authorization", "Bearer " + limited));
        requests.put("other device", r -> r.uri(api.uri("api/v1/devices/greenhouse-2/resources/temperature"))
                .header("Authorization", "Bearer " + limited));
        for (Map.Entry<String, Function<HttpRequest.Builder, HttpRequest.Builder>> request : requests.entrySet()) {
            Api.Reply lean = api.send(request.getValue().apply(HttpRequest.newBuilder()));
            Api.Reply jaxRs = api.send(request.getValue().apply(HttpRequest.newBuilder())
                    .header("Accept", "application/json, */*;q=0.1"));
            String what = request.getKey() + ": " + lean.body() + " / " + jaxRs.body();
            assertEquals(jaxRs.status(), lean.status(), what);
            for (String header : List.of("Content-Type", "WWW-Authenticate", "Allow", "Retry-After", "Cache-Control",
                    "X-Frame-Options", "X-Content-Type-Options")) {
                assertEquals(jaxRs.headers().firstValue(header), lean.headers().firstValue(header),
                        request.getKey() + ": " + header);
            }
            assertEquals(withoutDuration(jaxRs.body()), withoutDuration(lean.body()), what);
        }
        assertEquals(2, reboots.get(), "each path ran the device's action once");
    }

    private HttpRequest.Builder post(HttpRequest.Builder request, String path, String bearer, String json) {
        return request.uri(api.uri(path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", Api.JSON).POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static String withoutDuration(String body) {
        return body.replaceAll("\"durationMs\":\\d+", "\"durationMs\":0");
    }

    /** Another device of the account with only the resource "slow", which never answers. */
    private DeviceClient slowDevice(String identifier) throws InterruptedException {
        String credential = api.register(token, identifier);
        DeviceClient other = DeviceClient.builder(api.deviceEndpoint())
                .account(username).device(identifier).credential(credential)
                .resource(Resource.outputAsync("slow", () -> {
                    slowCalls.incrementAndGet();
                    return new CompletableFuture<>();
                }))
                .build();
        other.start();
        assertTrue(other.awaitOnline(Duration.ofSeconds(15)));
        for (int i = 0; i < 100 && !api.get("api/v1/devices/" + identifier + "/resources", token).body()
                .contains("\"slow\""); i++) {
            Thread.sleep(50);
        }
        return other;
    }
}
