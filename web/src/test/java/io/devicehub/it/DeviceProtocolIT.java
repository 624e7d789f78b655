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
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device protocol against the real endpoint inside the running server: authentication and its refusals, the
 * order of messages, heartbeats, one session per device, revocation, and the bounded pool of full credential checks.
 * The devices are raw JDK WebSocket clients sending exactly what each test needs ({@link DeviceLimitsIT} has what a
 * device, or a stranger, may send and what more costs them).
 */
@ExtendWith(ArquillianExtension.class)
class DeviceProtocolIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.devicehubWar().addClasses(DeviceProtocolIT.class, Deployments.class, Names.class,
                Fixture.class, Fixture.Registered.class, RawDevice.class, RawDevice.class.getDeclaredClasses()[0],
                ServerMessages.class);
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
        // The summary and the history row are one commit; awaiting the summary too tells a reader lagging behind
        // that commit (seen once in CI) from a summary that was lost, which still fails here.
        await(() -> devices.get(device.accountId(), "sensor").getLastConnection() != null);
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
                RawDevice.auth("no-such-account-" + device.account(), "sensor", Fixture.CREDENTIAL),
                RawDevice.auth(device.account(), "no-such-device", Fixture.CREDENTIAL),
                RawDevice.auth(device.account(), "sensor", "not the credential"),
                RawDevice.auth(device.account(), disabled.device(), Fixture.CREDENTIAL),
                "{\"type\":\"auth\",\"account\":\"" + device.account() + "\",\"device\":\"sensor\"}",
                "{\"type\":\"auth\",\"account\":7,\"device\":[],\"credential\":null}");
        for (String attempt : attempts) {
            try (RawDevice raw = RawDevice.connect(endpoint)) {
                raw.send(attempt);
                assertEquals(RawDevice.UNAUTHORIZED, raw.next(), attempt);
                assertEquals(4401, raw.closeCode(), attempt);
            }
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
            assertEquals(RawDevice.UNAUTHORIZED, raw.authenticate(device.account(), "sensor", Fixture.CREDENTIAL));
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
                crowd.get(i).send(RawDevice.auth(first.account(), "crowd-" + i, Fixture.CREDENTIAL));
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

    private RawDevice online(Fixture.Registered device) {
        return RawDevice.online(endpoint, device);
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
