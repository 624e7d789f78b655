package io.devicehub.client.simulator;

import io.devicehub.client.ProtocolPeer;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.Session;
import org.glassfish.tyrus.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.devicehub.client.ProtocolPeer.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator from its command line to the wire, against a protocol peer on a free local port. */
class SimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SECRET = "k3Qm9TzX2fLw8RbV5nYc1HdP";
    private static Server server;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startServer() {
        server = ProtocolPeer.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void resetPeer() {
        ProtocolPeer.reset();
    }

    private int run(Map<String, String> environment, String... args) throws InterruptedException {
        return Main.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = JsonProvider.provider().createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void badArgumentsAreExplainedAndExitWithStatus2() throws Exception {
        assertEquals(2, run(Map.of(), "--account", "alice", "--count", "none"));
        assertTrue(err().startsWith("devicehub-simulator: --count must be"), err());
        assertTrue(err().contains("--help"), err());
    }

    @Test
    void helpPrintsTheUsageAndExitsWith0() throws Exception {
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out().startsWith("Usage: java -jar devicehub-simulator.jar"), out());
    }

    @Test
    void devicesThatFailToAuthenticatePrintWhyAndEndTheRunWithStatus1() throws Exception {
        ProtocolPeer.rejectEveryone();

        int status = run(Map.of("DEVICEHUB_CREDENTIAL", SECRET), "--url", ProtocolPeer.uri(server).toString(),
                "--account", "alice", "--device", "demo", "--count", "2", "--data-interval", "0");

        assertEquals(1, status);
        assertTrue(out().contains("demo-1 STOPPED 4401 authentication failed"), out());
        assertTrue(out().contains("demo-2 STOPPED 4401 authentication failed"), out());
        assertFalse(out().contains(SECRET) || err().contains(SECRET), "the credential was printed");
    }

    @Test
    void aSimulatedDeviceAnswersCallsToEachOfItsResourcesAndPushesItsClimate() throws Exception {
        ProtocolPeer.welcomeEveryone();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            try {
                return run(Map.of(), "--url", ProtocolPeer.uri(server).toString(), "--account", "alice",
                        "--device", "demo", "--credential", SECRET, "--data-interval", "0.2");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Session peer = next(ProtocolPeer.SESSIONS, WAIT);
        assertEquals("auth", json(next(ProtocolPeer.RECEIVED, WAIT)).getString("type"));
        assertEquals(5, json(next(ProtocolPeer.RECEIVED, WAIT)).getJsonArray("resources").size());

        assertEquals("{\"type\":\"result\",\"id\":\"1\"}", call(peer, "1", "led", "true"));
        assertEquals("{\"type\":\"result\",\"id\":\"2\",\"output\":{\"led\":true,\"uptimeSeconds\":0}}",
                call(peer, "2", "state", null).replaceAll("\"uptimeSeconds\":\\d+", "\"uptimeSeconds\":0"));
        assertEquals("{\"type\":\"error\",\"id\":\"3\",\"message\":\"led takes true or false, not \\\"on\\\"\"}",
                call(peer, "3", "led", "\"on\""));
        assertEquals("{\"type\":\"result\",\"id\":\"4\",\"output\":{\"any\":[1]}}",
                call(peer, "4", "echo", "{\"any\":[1]}"));
        assertTrue(json(call(peer, "5", "temperature", null)).getJsonObject("output").containsKey("celsius"));
        long before = System.nanoTime();
        assertEquals("{\"type\":\"result\",\"id\":\"6\"}", call(peer, "6", "reboot", null));
        assertTrue(System.nanoTime() - before >= TimeUnit.MILLISECONDS.toNanos(900), "the reboot took no time");

        ProtocolPeer.close(peer, 4410, "credentials rotated");
        assertEquals(1, status.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(out().contains("demo ONLINE"), out());
        assertTrue(out().contains("demo STOPPED 4410 credentials rotated"), out());
    }

    /** Sends a call and returns its answer, skipping the climate the device pushes in between. */
    private static String call(Session peer, String id, String resource, String input) throws InterruptedException {
        ProtocolPeer.send(peer, "{\"type\":\"call\",\"id\":\"" + id + "\",\"resource\":\"" + resource + "\""
                + (input == null ? "" : ",\"input\":" + input) + "}");
        while (true) {
            String message = next(ProtocolPeer.RECEIVED, WAIT);
            JsonObject json = json(message);
            if (json.getString("type").equals("data")) {
                assertEquals("climate", json.getString("bucket"));
                continue;
            }
            return message;
        }
    }
}
