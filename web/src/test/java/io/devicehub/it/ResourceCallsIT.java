package io.devicehub.it;

import io.devicehub.account.Accounts;
import io.devicehub.client.DeviceClient;
import io.devicehub.client.Resource;
import io.devicehub.common.InvalidInputException;
import io.devicehub.device.DeviceNotFoundException;
import io.devicehub.device.Devices;
import io.devicehub.session.CallResult;
import io.devicehub.session.CallTimeoutException;
import io.devicehub.session.DeviceBusyException;
import io.devicehub.session.DeviceCallFailedException;
import io.devicehub.session.DeviceOfflineException;
import io.devicehub.session.InputMismatchException;
import io.devicehub.session.InvalidAnswerException;
import io.devicehub.session.LiveSessions;
import io.devicehub.session.ResourceCalls;
import io.devicehub.session.UnknownResourceException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resource calls relayed by the real server to a device and back, for every kind of resource and every way a call
 * can fail, and that sessions leave nothing behind when they end.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceCallsIT {

    private static final String DESCRIPTION = "{\"type\":\"describe\",\"resources\":["
            + "{\"name\":\"led\",\"kind\":\"input\",\"input\":{\"example\":true}},"
            + "{\"name\":\"temperature\",\"kind\":\"output\",\"output\":{\"example\":{\"celsius\":21.5}}},"
            + "{\"name\":\"echo\",\"kind\":\"input/output\"},"
            + "{\"name\":\"reboot\",\"kind\":\"run\"}]}";

    @Deployment
    static WebArchive deployment() {
        return Deployments.devicehubWar().addClasses(ResourceCallsIT.class, Deployments.class, Names.class,
                Fixture.class, Fixture.Registered.class, RawDevice.class, RawDevice.class.getDeclaredClasses()[0],
                ServerMessages.class)
                .addAsLibraries(Deployments.deviceClient());
    }

    @Inject
    Accounts accounts;

    @Inject
    Devices devices;

    @Inject
    ResourceCalls calls;

    @Inject
    LiveSessions sessions;

    @Inject
    HttpServletRequest request;

    private Fixture fixture;
    private URI endpoint;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(accounts, devices);
        endpoint = Fixture.endpoint(request);
    }

    @Test
    void eachKindOfResourceIsCalledWithItsInputAndAnswersWithItsOutput() {
        Fixture.Registered device = fixture.device();
        try (RawDevice raw = described(device)) {
            CompletionStage<CallResult> temperature = calls.call(device.accountId(), "sensor", "temperature", null, null);
            JsonObject call = json(raw.next());
            assertEquals("temperature", call.getString("resource"));
            assertTrue(!call.containsKey("input"), call.toString());
            raw.send("{\"type\":\"result\",\"id\":\"" + call.getString("id") + "\",\"output\":{\"celsius\":22.5}}");
            assertEquals(Json.createObjectBuilder().add("celsius", 22.5).build(), answer(temperature).output());

            CompletionStage<CallResult> led = calls.call(device.accountId(), "sensor", "led", JsonValue.FALSE, null);
            call = json(raw.next());
            assertEquals(JsonValue.FALSE, call.get("input"));
            raw.send("{\"type\":\"result\",\"id\":\"" + call.getString("id") + "\"}");
            CallResult ledResult = answer(led);
            assertNull(ledResult.output());
            assertTrue(ledResult.duration().compareTo(Duration.ZERO) > 0);

            JsonValue anything = json("{\"any\":[\"json\",1,true,null]}");
            CompletionStage<CallResult> echo = calls.call(device.accountId(), "sensor", "echo", anything, null);
            call = json(raw.next());
            raw.send("{\"type\":\"result\",\"id\":\"" + call.getString("id") + "\",\"output\":" + call.get("input")
                    + "}");
            assertEquals(anything, answer(echo).output());

            CompletionStage<CallResult> reboot = calls.call(device.accountId(), "sensor", "reboot", null, null);
            call = json(raw.next());
            raw.send("{\"type\":\"error\",\"id\":\"" + call.getString("id") + "\",\"message\":\"not while updating\"}");
            DeviceCallFailedException failed = failure(reboot, DeviceCallFailedException.class);
            assertEquals("not while updating", failed.getMessage());

            assertEquals(4, sessions.find(device.accountId(), "sensor").orElseThrow().statistics().calls());
        }
    }

    @Test
    void aDeviceWrittenWithTheSdkServesEveryKindOfResource() throws Exception {
        Fixture.Registered device = fixture.device();
        AtomicReference<JsonValue> led = new AtomicReference<>(JsonValue.FALSE);
        AtomicInteger reboots = new AtomicInteger();
        try (DeviceClient client = DeviceClient.builder(endpoint)
                .account(device.account()).device(device.device()).credential(device.credential())
                .resource(Resource.output("temperature", () -> Json.createValue(21.5)).example(Json.createValue(20)))
                .resource(Resource.input("led", led::set).example(JsonValue.TRUE))
                .resource(Resource.inputOutput("echo", input -> input))
                .resource(Resource.run("reboot", reboots::incrementAndGet))
                .resource(Resource.output("broken", () -> {
                    throw new IllegalStateException("sensor unplugged");
                }))
                .build()) {
            client.start();
            assertTrue(client.awaitOnline(Duration.ofSeconds(10)));
            long deadline = System.currentTimeMillis() + 10_000;
            while (sessions.find(device.accountId(), "sensor").map(s -> s.resources().size()).orElse(0) < 5
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            var described = sessions.find(device.accountId(), "sensor").orElseThrow().resource("led").orElseThrow();
            assertEquals(JsonValue.TRUE, described.inputExample());

            assertEquals(Json.createValue(21.5), answer(calls.call(device.accountId(), "sensor", "temperature",
                    null, null)).output());
            assertNull(answer(calls.call(device.accountId(), "sensor", "led", JsonValue.TRUE, null)).output());
            assertEquals(JsonValue.TRUE, led.get());
            JsonValue anything = json("{\"nested\":{\"list\":[1,2,3]}}");
            assertEquals(anything, answer(calls.call(device.accountId(), "sensor", "echo", anything, null)).output());
            answer(calls.call(device.accountId(), "sensor", "reboot", null, null));
            assertEquals(1, reboots.get());
            assertEquals("sensor unplugged", failure(calls.call(device.accountId(), "sensor", "broken", null, null),
                    DeviceCallFailedException.class).getMessage());
        }
    }

    @Test
    void callsThatCannotReachTheDeviceFailAtOnceWithTheirOwnReason() {
        Fixture.Registered device = fixture.device();
        Fixture.Registered stranger = fixture.device();
        failure(calls.call(device.accountId(), "sensor", "led", JsonValue.TRUE, null), DeviceOfflineException.class);
        try (RawDevice raw = described(device)) {
            failure(calls.call(device.accountId(), "sensor", "fan", null, null), UnknownResourceException.class);
            InputMismatchException missing = failure(calls.call(device.accountId(), "sensor", "led", null, null),
                    InputMismatchException.class);
            assertEquals("input", missing.errors().get(0).field());
            assertEquals("led", missing.resource().name());
            failure(calls.call(device.accountId(), "sensor", "temperature", JsonValue.TRUE, null),
                    InputMismatchException.class);
            failure(calls.call(device.accountId(), "no-such-sensor", "temperature", null, null),
                    DeviceNotFoundException.class);
            failure(calls.call(device.accountId(), "sensor", "temperature", null, Duration.ofMinutes(5)),
                    InvalidInputException.class);
            failure(calls.call(stranger.accountId(), "sensor", "temperature", null, null),
                    DeviceOfflineException.class);
            assertTrue(raw.isOpen());
        }
    }

    @Test
    void aCallTimesOutAndALateAnswerIsToldSo() {
        Fixture.Registered device = fixture.device();
        try (RawDevice raw = described(device)) {
            CompletionStage<CallResult> slow = calls.call(device.accountId(), "sensor", "temperature", null,
                    Duration.ofMillis(300));
            String id = json(raw.next()).getString("id");
            CallTimeoutException timeout = failure(slow, CallTimeoutException.class);
            assertTrue(timeout.getMessage().contains("300 ms"), timeout.getMessage());

            raw.send("{\"type\":\"result\",\"id\":\"" + id + "\",\"output\":1}");
            assertTrue(raw.next().contains("\"code\":\"unknown-call\""));
        }
    }

    @Test
    void whenTheDeviceDisconnectsItsWaitingCallsFailAtOnceNotAtTheirTimeout() {
        Fixture.Registered device = fixture.device();
        CompletionStage<CallResult> waiting;
        try (RawDevice raw = described(device)) {
            waiting = calls.call(device.accountId(), "sensor", "temperature", null, Duration.ofSeconds(60));
            raw.next();
        }
        long started = System.nanoTime();
        failure(waiting, DeviceOfflineException.class);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "failed long before its 60 s timeout");
    }

    @Test
    void answersToTheServersOwnCallsNeverCountAgainstTheDevice() throws Exception {
        Fixture.Registered device = fixture.device();
        try (DeviceClient client = DeviceClient.builder(endpoint)
                .account(device.account()).device(device.device()).credential(device.credential())
                .resource(Resource.inputOutput("echo", input -> input))
                .build()) {
            client.start();
            assertTrue(client.awaitOnline(Duration.ofSeconds(10)));
            awaitResources(device, 1);
            // The tests' limit is 20 messages a second, bursts of 40 (web/pom.xml): 600 answers are far beyond it.
            Semaphore inFlight = new Semaphore(50);
            List<CompletableFuture<CallResult>> answered = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                inFlight.acquire();
                CompletableFuture<CallResult> call = calls.call(device.accountId(), "sensor", "echo",
                        Json.createValue(i), null).toCompletableFuture();
                call.whenComplete((result, failure) -> inFlight.release());
                answered.add(call);
            }
            for (int i = 0; i < answered.size(); i++) {
                assertEquals(Json.createValue(i), answered.get(i).orTimeout(10, TimeUnit.SECONDS).join().output());
            }
            assertTrue(sessions.find(device.accountId(), "sensor").isPresent(), "the device stayed connected");
        }
    }

    @Test
    void aDeviceHasAtMostAHundredCallsInFlightAndStaysConnected() {
        Fixture.Registered device = fixture.device();
        try (RawDevice raw = described(device)) {
            List<CompletionStage<CallResult>> waiting = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                waiting.add(calls.call(device.accountId(), "sensor", "temperature", null, Duration.ofSeconds(30)));
            }
            DeviceBusyException busy = failure(calls.call(device.accountId(), "sensor", "temperature", null, null),
                    DeviceBusyException.class);
            assertEquals("Device sensor has 100 calls waiting for its answers, the most it may have; try again when"
                    + " it has answered some.", busy.getMessage());
            String first = json(raw.next()).getString("id");
            raw.send("{\"type\":\"result\",\"id\":\"" + first + "\",\"output\":1}");
            assertEquals(Json.createValue(1), answer(waiting.get(0)).output());
            CompletionStage<CallResult> more = calls.call(device.accountId(), "sensor", "temperature", null, null);
            assertFalse(more.toCompletableFuture().isDone(), "an answer made room for one more call");
            raw.send("{\"type\":\"ping\"}");
            for (String message = raw.next(); !message.equals("{\"type\":\"pong\"}"); message = raw.next()) {
                assertTrue(message.startsWith("{\"type\":\"call\""), message);
            }
        }
    }

    @Test
    void aBrokenAnswerFailsItsCallAtOnceWithWhatWasWrong() {
        Fixture.Registered device = fixture.device();
        try (RawDevice raw = described(device)) {
            CompletionStage<CallResult> read = calls.call(device.accountId(), "sensor", "temperature", null,
                    Duration.ofSeconds(30));
            String id = json(raw.next()).getString("id");
            raw.send("{\"type\":\"result\",\"id\":\"" + id + "\"}");
            long started = System.nanoTime();
            InvalidAnswerException noOutput = failure(read, InvalidAnswerException.class);
            assertEquals("The device answered 'temperature' without an output; an output resource's result must have"
                    + " one.", noOutput.getMessage());
            String told = raw.next();
            assertTrue(told.contains("\"code\":\"invalid-result\"") && told.contains("\"id\":\"" + id + "\""), told);

            CompletionStage<CallResult> deep = calls.call(device.accountId(), "sensor", "temperature", null,
                    Duration.ofSeconds(30));
            id = json(raw.next()).getString("id");
            raw.send("{\"type\":\"result\",\"id\":\"" + id + "\",\"output\":" + "[".repeat(40) + "]".repeat(40)
                    + "}");
            InvalidAnswerException unreadable = failure(deep, InvalidAnswerException.class);
            assertTrue(unreadable.getMessage().contains("nested deeper than 32 levels"), unreadable.getMessage());
            told = raw.next();
            assertTrue(told.contains("\"code\":\"malformed\"") && told.contains("\"id\":\"" + id + "\""), told);
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10), "long before the 30 s timeout");

            CompletionStage<CallResult> nullOutput = calls.call(device.accountId(), "sensor", "temperature", null,
                    null);
            id = json(raw.next()).getString("id");
            raw.send("{\"type\":\"result\",\"id\":\"" + id + "\",\"output\":null}");
            assertEquals(JsonValue.NULL, answer(nullOutput).output(), "null is an output like any other");
            assertTrue(raw.isOpen());
        }
    }

    @Test
    void thousandsOfSessionsComingAndGoingLeaveNoSessionObjectsBehind() throws Exception {
        Fixture.Registered device = fixture.device();
        try (RawDevice probe = described(device)) {
            assertTrue(probe.isOpen() && liveObjects("io.devicehub.session.DeviceConnection") >= 1,
                    "the histogram sees connections");
            assertTrue(liveObjects("org.glassfish.tyrus.core.TyrusSession") >= 1, "the histogram sees sessions");
        }
        int before = liveObjects("org.glassfish.tyrus.core.TyrusSession");
        var http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 2000; i++) {
            try (RawDevice raw = RawDevice.connect(endpoint, http)) {
                if (i % 2 == 0) {
                    raw.authenticate(device.account(), "sensor", device.credential());
                }
            }
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (sessions.openConnections() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, sessions.openConnections(), "connections still tracked");
        assertTrue(sessions.find(device.accountId(), "sensor").isEmpty());
        int tyrusSessions = liveObjects("org.glassfish.tyrus.core.TyrusSession");
        int connections = liveObjects("io.devicehub.session.DeviceConnection");
        assertTrue(tyrusSessions <= before + 5, "Tyrus sessions retained: " + before + " -> " + tyrusSessions);
        assertTrue(connections <= 5, "device connections retained: " + connections);
    }

    private void awaitResources(Fixture.Registered device, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (sessions.find(device.accountId(), device.device()).map(s -> s.resources().size()).orElse(0) < count
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private RawDevice described(Fixture.Registered device) {
        RawDevice raw = RawDevice.connect(endpoint);
        assertTrue(raw.authenticate(device.account(), device.device(), device.credential()).contains("welcome"));
        raw.send(DESCRIPTION);
        assertEquals("{\"type\":\"described\",\"resources\":4}", raw.next());
        return raw;
    }

    private static CallResult answer(CompletionStage<CallResult> call) {
        return call.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static <T extends Throwable> T failure(CompletionStage<?> call, Class<T> expected) {
        CompletableFuture<?> future = call.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS);
        try {
            future.join();
        } catch (CompletionException e) {
            return assertInstanceOf(expected, e.getCause());
        }
        throw new AssertionError("the call succeeded, expected " + expected.getSimpleName());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** Live instances of a class after a full GC, from the JVM's class histogram (what jcmd GC.class_histogram shows). */
    private static int liveObjects(String className) throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[]{null}, new String[]{String[].class.getName()});
        Matcher row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s|$)",
                Pattern.MULTILINE).matcher(histogram);
        return row.find() ? Integer.parseInt(row.group(1)) : 0;
    }
}
