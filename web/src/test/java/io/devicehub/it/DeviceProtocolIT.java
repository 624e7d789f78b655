package io.devicehub.it;

import io.devicehub.account.Accounts;
import io.devicehub.database.SchemaMigrations;
import io.devicehub.device.ConnectionEvent;
import io.devicehub.device.DeviceConnections;
import io.devicehub.device.Devices;
import io.devicehub.session.LiveSessions;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device protocol against the real endpoint inside the running server: authentication and its refusals, the
 * order of messages, limits, one session per device, revocation, and that bad input from one device never affects
 * another. The devices are raw JDK WebSocket clients sending exactly what each test needs.
 */
@ExtendWith(ArquillianExtension.class)
class DeviceProtocolIT {

    private static final String UNAUTHORIZED = "{\"type\":\"error\",\"code\":\"unauthorized\","
            + "\"message\":\"Authentication failed.\"}";

    @Deployment
    static WebArchive deployment() {
        return Deployments.devicehubWar().addClasses(DeviceProtocolIT.class, Deployments.class, Names.class,
                Fixture.class, Fixture.Registered.class, RawDevice.class, RawDevice.class.getDeclaredClasses()[0],
                RawWebSocket.class, ServerMessages.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    Devices devices;

    @Inject
    DeviceConnections connections;

    @Inject
    LiveSessions sessions;

    @Inject
    HttpServletRequest request;

    @Resource(lookup = SchemaMigrations.DATA_SOURCE)
    DataSource dataSource;

    private Fixture fixture;
    private URI endpoint;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(accounts, devices);
        endpoint = Fixture.endpoint(request);
    }

    @Test
    void aDeviceAuthenticatesDescribesItselfAndIsOnlineUntilItLeaves() {
        Fixture.Registered device = fixture.device();
        try (RawDevice raw = RawDevice.connect(endpoint)) {
            assertEquals("{\"type\":\"welcome\",\"device\":\"sensor\",\"heartbeat\":2,\"maxFrameBytes\":65536}",
                    raw.authenticate(device.account(), device.device(), device.credential()));
            raw.send("{\"type\":\"describe\",\"resources\":[{\"name\":\"led\",\"kind\":\"input\"},"
                    + "{\"name\":\"temp\",\"kind\":\"output\",\"output\":{\"example\":21.5}}]}");
            assertEquals("{\"type\":\"described\",\"resources\":2}", raw.next());

            var live = sessions.find(device.accountId(), "sensor").orElseThrow();
            assertEquals(List.of("led", "temp"), live.resources().stream().map(r -> r.name()).toList());
            assertTrue(live.statistics().bytesReceived() > 0);
            // The history is written off the session's thread, moments later.
            await(() -> !history(device).isEmpty()
                    && history(device).get(0).getKind() == ConnectionEvent.Kind.CONNECTED);
        }
        await(() -> sessions.find(device.accountId(), "sensor").isEmpty());
        await(() -> history(device).get(0).getKind() == ConnectionEvent.Kind.DISCONNECTED);
        var last = devices.get(device.accountId(), "sensor").getLastConnection();
        assertTrue(last.getBytesReceived() > 100, "bytes received " + last.getBytesReceived());
        assertTrue(last.getBytesSent() > 50, "bytes sent " + last.getBytesSent());
        assertEquals(2, last.getMessagesReceived());
        assertEquals(2, last.getMessagesSent());
    }

    @Test
    void everyAuthenticationFailureLooksTheSameAndClosesWith4401() {
        Fixture.Registered device = fixture.device();
        Fixture.Registered disabled = fixture.device(device.account(), device.accountId(), "disabled");
        devices.setEnabled(device.accountId(), "disabled", false);
        List<String> attempts = List.of(
                auth("no-such-account-" + device.account(), "sensor", Fixture.CREDENTIAL),
                auth(device.account(), "no-such-device", Fixture.CREDENTIAL),
                auth(device.account(), "sensor", "not the credential"),
                auth(device.account(), disabled.device(), Fixture.CREDENTIAL),
                "{\"type\":\"auth\",\"account\":\"" + device.account() + "\",\"device\":\"sensor\"}",
                "{\"type\":\"auth\",\"account\":7,\"device\":[],\"credential\":null}");
        for (String attempt : attempts) {
            try (RawDevice raw = RawDevice.connect(endpoint)) {
                raw.send(attempt);
                assertEquals(UNAUTHORIZED, raw.next(), attempt);
                assertEquals(4401, raw.closeCode(), attempt);
            }
        }
    }

    @Test
    void repeatedFailuresForADeviceAreRefusedForAWhileWithoutChecking() {
        Fixture.Registered device = fixture.device();
        for (int i = 0; i < 5; i++) {
            try (RawDevice raw = RawDevice.connect(endpoint)) {
                assertEquals(UNAUTHORIZED, raw.authenticate(device.account(), "sensor", "guess " + i));
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
                if (answer.equals(UNAUTHORIZED)) {
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
            real.send(auth(device.account(), "sensor", device.credential()));
            String welcome = real.next();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(welcome.startsWith("{\"type\":\"welcome\""), "the real device from another address: " + welcome);
            assertTrue(millis < 1000, "the real device got in at once, not after " + millis + " ms");
        }
        try (RawDevice guess = RawDevice.connect(endpoint)) {
            assertTrue(guess.authenticate(device.account(), "sensor", device.credential())
                    .contains("too-many-attempts"), "the guesser's address is still refused, even with the right one");
        }
    }

    @Test
    void anythingButAuthFirstIsRefusedWith1008AndSilenceWith4408() {
        try (RawDevice raw = RawDevice.connect(endpoint)) {
            raw.send("{\"type\":\"ping\"}");
            assertTrue(raw.next().contains("\"code\":\"not-authenticated\""));
            assertEquals(1008, raw.closeCode());
        }
        try (RawDevice raw = RawDevice.connect(endpoint)) {
            raw.send("this is not json");
            assertEquals(1008, raw.closeCode());
        }
        try (RawDevice raw = RawDevice.connect(endpoint)) {
            assertTrue(raw.next().contains("\"code\":\"not-authenticated\""), "after the 2 s auth timeout");
            assertEquals(4408, raw.closeCode());
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
            for (int i = 0; i < 400 && raw.isOpen(); i++) {
                raw.send("{\"type\":\"ping\"}");
            }
            assertEquals(4429, raw.closeCode());
        }
        try (RawDevice raw = online(device)) {
            raw.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", raw.next(), "the device itself may come back at once");
        }
    }

    @Test
    void aSilentSessionIsClosedAfterTwoAndAHalfHeartbeats() {
        try (RawDevice raw = online(fixture.device())) {
            assertEquals(4408, raw.closeCode());
            assertEquals("silent for too long", raw.closeReason());
        }
    }

    @Test
    void theNewestSessionOfADeviceWinsAndTheOlderOneIsToldWhy() {
        Fixture.Registered device = fixture.device();
        try (RawDevice first = online(device); RawDevice second = online(device)) {
            assertEquals(4409, first.closeCode());
            second.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", second.next());
            assertEquals(1, sessions.all().stream().filter(s -> s.key().accountId() == device.accountId()).count());
        }
    }

    @Test
    void rotatingDisablingOrDeletingADeviceEndsItsSessionWith4410() {
        Fixture.Registered device = fixture.device();
        try (RawDevice raw = online(device)) {
            devices.rotateCredential(device.accountId(), "sensor", "a rotated credential");
            assertEquals(4410, raw.closeCode());
            assertEquals("credentials rotated", raw.closeReason());
        }
        try (RawDevice raw = RawDevice.connect(endpoint)) {
            assertEquals(UNAUTHORIZED, raw.authenticate(device.account(), "sensor", Fixture.CREDENTIAL));
        }
        try (RawDevice raw = RawDevice.connect(endpoint)) {
            assertTrue(raw.authenticate(device.account(), "sensor", "a rotated credential").contains("welcome"));
            devices.setEnabled(device.accountId(), "sensor", false);
            assertEquals(4410, raw.closeCode());
        }
        devices.setEnabled(device.accountId(), "sensor", true);
        try (RawDevice raw = RawDevice.connect(endpoint)) {
            assertTrue(raw.authenticate(device.account(), "sensor", "a rotated credential").contains("welcome"));
            devices.delete(device.accountId(), "sensor");
            assertEquals(4410, raw.closeCode());
            assertEquals("device deleted", raw.closeReason());
        }
    }

    @Test
    void aDeviceWithoutAStoredHmacIsCheckedFullyOnceAndQuicklyAfterwards() throws Exception {
        Fixture.Registered device = fixture.device();
        String mac = forgetCredentialMac(device.accountId(), "sensor");
        try (RawDevice raw = online(device)) {
            assertTrue(raw.isOpen());
        }
        assertEquals(mac, forgetCredentialMac(device.accountId(), "sensor"), "the full check stored the HMAC again");
    }

    @Test
    void whenFullCredentialChecksPileUpDevicesAreToldToComeBackLater() throws Exception {
        Fixture.Registered first = fixture.device();
        List<RawDevice> crowd = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Fixture.Registered device = fixture.device(first.account(), first.accountId(), "crowd-" + i);
                forgetCredentialMac(device.accountId(), device.device());
            }
            // Connected only once all are registered (each registration hashes for a few hundred milliseconds), so
            // that no connection reaches the tests' 2 s authentication timeout before its auth is sent.
            for (int i = 0; i < 8; i++) {
                crowd.add(RawDevice.connect(endpoint));
            }
            for (int i = 0; i < crowd.size(); i++) {
                crowd.get(i).send(auth(first.account(), "crowd-" + i, Fixture.CREDENTIAL));
            }
            List<String> answers = crowd.stream().map(RawDevice::next).toList();
            long busy = answers.stream().filter(answer -> answer.equals(RawDevice.CLOSED + 1013)).count();
            long welcomed = answers.stream().filter(answer -> answer.startsWith("{\"type\":\"welcome\"")).count();
            assertEquals(8, busy + welcomed, answers.toString());
            assertTrue(busy >= 1 && welcomed >= 3, busy + " of 8 told to come back later (queue 2, 1 running)");
        } finally {
            crowd.forEach(RawDevice::close);
        }
    }

    private RawWebSocket onlineRaw(Fixture.Registered device) {
        RawWebSocket raw = RawWebSocket.connect(endpoint, "127.0.0.1");
        raw.send(auth(device.account(), device.device(), device.credential()));
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
        RawDevice raw = RawDevice.connect(endpoint);
        String welcome = raw.authenticate(device.account(), device.device(), device.credential());
        assertTrue(welcome.startsWith("{\"type\":\"welcome\""), welcome);
        return raw;
    }

    private static String auth(String account, String device, String credential) {
        return "{\"type\":\"auth\",\"account\":\"" + account + "\",\"device\":\"" + device + "\",\"credential\":\""
                + credential + "\"}";
    }

    private static void assertError(RawDevice raw, String sent, String code, String detail) {
        raw.send(sent);
        String answer = raw.next();
        assertTrue(answer.contains("\"code\":\"" + code + "\"") && answer.contains(detail),
                sent.substring(0, Math.min(80, sent.length())) + " -> " + answer);
        assertFalse(answer.contains("Exception"), answer);
    }

    /** Clears the device's stored HMAC, as if it were registered before fast checks existed; returns the old one. */
    private String forgetCredentialMac(long accountId, String identifier) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT credential_mac FROM device WHERE account_id = ? AND identifier = ?");
             PreparedStatement clear = connection.prepareStatement(
                     "UPDATE device SET credential_mac = NULL WHERE account_id = ? AND identifier = ?")) {
            select.setLong(1, accountId);
            select.setString(2, identifier);
            String mac;
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                mac = row.getString(1);
            }
            clear.setLong(1, accountId);
            clear.setString(2, identifier);
            assertEquals(1, clear.executeUpdate());
            return mac;
        }
    }

    private List<ConnectionEvent> history(Fixture.Registered device) {
        return connections.history(device.accountId(), device.device(), 10);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
