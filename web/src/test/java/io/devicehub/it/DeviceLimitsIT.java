package io.devicehub.it;

import io.devicehub.account.Accounts;
import io.devicehub.device.Devices;
import io.devicehub.session.ResourceCalls;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a device, or a stranger, may send the device endpoint inside the running server, and what more costs them:
 * guessing credentials (slowed down per address, without locking the real device out), messages that break the
 * protocol's rules (an error, and the session and other devices carry on), messages over the frame limit in bytes,
 * whole or in fragments, binary frames and floods (their close codes). Raw clients send exactly what each test
 * needs: the JDK's WebSocket client, and {@link RawWebSocket} for exact frames and other source addresses.
 */
@ExtendWith(ArquillianExtension.class)
class DeviceLimitsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.devicehubWar().addClasses(DeviceLimitsIT.class, Deployments.class, Names.class,
                Fixture.class, Fixture.Registered.class, RawDevice.class, RawDevice.class.getDeclaredClasses()[0],
                RawWebSocket.class, ServerMessages.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    Devices devices;

    @Inject
    ResourceCalls calls;

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
    void repeatedFailuresForADeviceAreRefusedForAWhileWithoutChecking() {
        Fixture.Registered device = fixture.device();
        for (int i = 0; i < 5; i++) {
            try (RawDevice raw = RawDevice.connect(endpoint)) {
                assertEquals(RawDevice.UNAUTHORIZED, raw.authenticate(device.account(), "sensor", "guess " + i));
            }
        }
        try (RawDevice raw = RawDevice.connect(endpoint)) {
            String refusal = raw.authenticate(device.account(), "sensor", device.credential());
            assertTrue(refusal.contains("\"code\":\"too-many-attempts\"") && refusal.contains("\"retryAfter\":1")
                    && refusal.contains("Try again in 1 second."), "after five failures the next waits: " + refusal);
            assertEquals(4429, raw.closeCode());
            assertEquals("too many attempts, retry after 1 s", raw.closeReason());
        }
    }

    @Test
    void aGuesserCannotLockTheRealDeviceOutAndStaysSlow() {
        Fixture.Registered device = fixture.device();
        int checked = 0;
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            try (RawDevice guess = RawDevice.connect(endpoint)) {
                String answer = guess.authenticate(device.account(), "sensor", "guess " + i);
                if (answer.equals(RawDevice.UNAUTHORIZED)) {
                    checked++;
                } else {
                    assertTrue(answer.contains("\"code\":\"too-many-attempts\""), answer);
                    refused++;
                }
            }
        }
        assertTrue(checked <= 10 && refused >= 90, "only the first five guesses and one each time a wait ran out"
                + " were checked: " + checked + " checked, " + refused + " refused");

        long started = System.nanoTime();
        try (RawWebSocket real = RawWebSocket.connect(endpoint, "127.0.0.2")) {
            real.send(RawDevice.auth(device.account(), "sensor", device.credential()));
            String welcome = real.next();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(welcome.startsWith("{\"type\":\"welcome\""), "the real device from another address: " + welcome);
            assertTrue(millis < 1000, "the real device got in at once, not after " + millis + " ms");
        }
    }


    @Test
    void badMessagesGetClearErrorsAndTheSessionAndOtherDevicesCarryOn() {
        Fixture.Registered device = fixture.device();
        Fixture.Registered neighbour = fixture.device(device.account(), device.accountId(), "neighbour");
        try (RawDevice raw = online(device); RawDevice other = online(neighbour)) {
            assertError(raw, "not json {", "malformed", "Not valid JSON");
            assertError(raw, "[1,2,3]", "malformed", "must be a JSON object");
            assertError(raw, "{\"no\":\"type\"}", "malformed", "'type'");
            assertError(raw, "{\"type\":\"hello\"}", "unknown-type", "Unknown message type 'hello'");
            assertError(raw, "{\"type\":\"describe\",\"resources\":{}}", "invalid-description", "must be an array");
            assertError(raw, "{\"type\":\"describe\",\"resources\":[{\"name\":\"a b\",\"kind\":\"run\"}]}",
                    "invalid-description", "resources[0].name");
            assertError(raw, "{\"type\":\"describe\",\"resources\":[{\"name\":\"x\",\"kind\":\"lamp\"}]}",
                    "invalid-description", "resources[0].kind must be one of");
            assertError(raw, "{\"type\":\"describe\",\"resources\":[{\"name\":\"x\",\"kind\":\"run\"},"
                    + "{\"name\":\"x\",\"kind\":\"run\"}]}", "invalid-description", "used twice");
            assertError(raw, "{\"type\":\"describe\",\"resources\":[{\"name\":\"x\",\"kind\":\"run\","
                    + "\"input\":{\"example\":1}}]}", "invalid-description", "has no input");
            assertError(raw, "{\"type\":\"describe\",\"resources\":[" + "{\"name\":\"r\",\"kind\":\"run\"},".repeat(100)
                    + "{\"name\":\"r\",\"kind\":\"run\"}]}", "invalid-description", "at most 100");
            assertError(raw, "{\"type\":\"data\",\"bucket\":\"../etc\",\"value\":1}", "invalid-data", "'bucket'");
            assertError(raw, "{\"type\":\"data\",\"bucket\":\"b\"}", "invalid-data", "'value' is required");
            assertError(raw, "{\"type\":\"data\",\"bucket\":\"b\",\"value\":1,\"ts\":\"yesterday\"}",
                    "invalid-data", "'ts'");
            assertError(raw, "{\"type\":\"result\",\"output\":1}", "invalid-result", "'id'");
            assertError(raw, "{\"type\":\"result\",\"id\":\"never-sent\",\"output\":1}", "unknown-call", "never-sent");
            assertError(raw, "[".repeat(60_000), "malformed", "nested deeper than 32 levels");
            assertError(raw, "{\"type\":\"data\",\"bucket\":\"b\",\"value\":" + "[".repeat(1000) + "]".repeat(1000)
                    + "}", "malformed", "nested deeper than 32 levels");
            assertError(raw, "{\"type\":\"data\",\"bucket\":\"b\",\"value\":" + "7".repeat(1200) + "}", "malformed",
                    "a number may have at most 100 characters");
            assertError(raw, "{\"type\":\"ping\",\"type\":\"ping\"}", "malformed", "'type' appears twice");

            raw.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", raw.next());
            other.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", other.next());
        }
    }

    @Test
    void theFrameLimitCountsUtf8BytesOfWholeMessagesAuthenticatedOrNot() {
        Fixture.Registered device = fixture.device();
        try (RawWebSocket raw = onlineRaw(device)) {
            raw.send(ping(65_536));
            assertEquals("{\"type\":\"pong\"}", raw.next(), "65,536 bytes is within the limit");
            raw.send(ping(65_537));
            assertEquals(1009, raw.closeCode());
            assertEquals("message larger than 65536 bytes", raw.closeReason());
        }
        try (RawWebSocket raw = onlineRaw(device)) {
            raw.send("{\"type\":\"ping\",\"pad\":\"" + "é".repeat(40_000) + "\"}");
            assertEquals(1009, raw.closeCode(), "40,000 characters that are 80,000 bytes in UTF-8");
        }
        try (RawWebSocket raw = onlineRaw(device)) {
            byte[] message = ping(90_000).getBytes(StandardCharsets.UTF_8);
            raw.frame(false, RawWebSocket.TEXT, Arrays.copyOfRange(message, 0, 30_000));
            raw.frame(false, RawWebSocket.CONTINUATION, Arrays.copyOfRange(message, 30_000, 60_000));
            raw.frame(true, RawWebSocket.CONTINUATION, Arrays.copyOfRange(message, 60_000, 90_000));
            assertEquals(1009, raw.closeCode(), "a fragmented message counts whole");
        }
        try (RawWebSocket raw = onlineRaw(device)) {
            byte[] message = ping(60_000).getBytes(StandardCharsets.UTF_8);
            raw.frame(false, RawWebSocket.TEXT, Arrays.copyOfRange(message, 0, 1));
            for (int i = 1; i < 60; i++) {
                raw.frame(false, RawWebSocket.CONTINUATION, Arrays.copyOfRange(message, i * 1000 - 999, i * 1000 + 1));
            }
            raw.frame(true, RawWebSocket.CONTINUATION, Arrays.copyOfRange(message, 59_001, 60_000));
            assertEquals("{\"type\":\"pong\"}", raw.next(), "a message in 61 fragments within the limit");
            for (int i = 0; i < 1025 && raw.isOpen(); i++) { // docs/protocol.md: at most 1,024 fragments
                raw.frame(false, i == 0 ? RawWebSocket.TEXT : RawWebSocket.CONTINUATION, new byte[0]);
            }
            assertEquals(1009, raw.closeCode(), "an endless stream of empty fragments");
        }
        try (RawWebSocket raw = RawWebSocket.connect(endpoint, "127.0.0.1")) {
            raw.send(ping(65_537));
            assertEquals(1009, raw.closeCode(), "before authentication too");
        }
        try (RawWebSocket raw = onlineRaw(device)) {
            raw.send(ping(1_000_000));
            assertEquals(1011, raw.closeCode(), "far beyond the limit the container stops reading: docs/protocol.md");
        }
        try (RawDevice raw = online(device)) {
            raw.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", raw.next(), "and the device may come back at once");
        }
    }

    @Test
    void aDeviceThatStopsReadingIsDroppedWithoutHoldingTheServer() throws InterruptedException {
        Fixture.Registered device = fixture.device();
        AtomicBoolean dropped = new AtomicBoolean();
        JsonValue input = Json.createValue("x".repeat(30_000));
        Thread callers = new Thread(() -> {
            while (!dropped.get()) {
                calls.call(device.accountId(), device.device(), "echo", input, Duration.ofMillis(200));
                LockSupport.parkNanos(200_000);
            }
        });
        try (RawWebSocket stuck = RawWebSocket.unread(endpoint, null)) {
            callers.start();
            String[] greeting = {RawDevice.auth(device.account(), device.device(), device.credential()),
                    "{\"type\":\"describe\",\"resources\":[{\"name\":\"echo\",\"kind\":\"input/output\"}]}"};
            assertTrue(stuck.sendUntilDropped(i -> i < greeting.length ? greeting[i] : "{\"type\":\"ping\"}",
                    Duration.ofMillis(50), Duration.ofSeconds(60)),
                    "a device that lets 1,000 calls wait is too slow, and its unread close must not keep it connected");
        } finally {
            dropped.set(true);
            callers.join();
        }
        try (RawDevice again = online(device)) {
            assertTrue(again.isOpen(), "the device connects again at once");
        }
    }

    @Test
    void binaryFramesAndFloodsCloseTheSessionWithTheirCodes() {
        Fixture.Registered device = fixture.device();
        try (RawDevice raw = online(device)) {
            raw.sendBinary(new byte[]{1, 2, 3});
            assertTrue(raw.next().contains("text frames"));
            assertEquals(1003, raw.closeCode());
        }
        try (RawWebSocket raw = onlineRaw(device)) {
            raw.frame(false, 2, new byte[2000]);
            raw.frame(true, RawWebSocket.CONTINUATION, new byte[2000]);
            assertTrue(raw.next().contains("text frames"));
            assertEquals(1003, raw.closeCode(), "a fragmented binary message too");
        }
        try (RawDevice raw = online(device)) {
            for (int i = 0; i < 400 && raw.trySend("{\"type\":\"ping\"}"); i++) {
                // until the server closes the session
            }
            assertEquals(4429, raw.closeCode());
        }
        try (RawDevice raw = online(device)) {
            raw.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", raw.next(), "the device itself may come back at once");
        }
    }

    private RawWebSocket onlineRaw(Fixture.Registered device) {
        RawWebSocket raw = RawWebSocket.connect(endpoint, "127.0.0.1");
        raw.send(RawDevice.auth(device.account(), device.device(), device.credential()));
        String welcome = raw.next();
        assertTrue(welcome.startsWith("{\"type\":\"welcome\""), welcome);
        return raw;
    }

    /** A ping of exactly {@code bytes} bytes, padded with a member the server ignores. */
    private static String ping(int bytes) {
        String empty = "{\"type\":\"ping\",\"pad\":\"\"}";
        return "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(bytes - empty.length()) + "\"}";
    }

    private RawDevice online(Fixture.Registered device) {
        return RawDevice.online(endpoint, device);
    }

    private static void assertError(RawDevice raw, String sent, String code, String detail) {
        raw.send(sent);
        String answer = raw.next();
        assertTrue(answer.contains("\"code\":\"" + code + "\"") && answer.contains(detail),
                sent.substring(0, Math.min(80, sent.length())) + " -> " + answer);
        assertFalse(answer.contains("Exception"), answer);
    }
}
