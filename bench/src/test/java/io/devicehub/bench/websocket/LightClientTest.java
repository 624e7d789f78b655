package io.devicehub.bench.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.glassfish.tyrus.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NIO client against a real WebSocket server (Tyrus, which checks masking and framing strictly), playing a
 * minimal DeviceHub: welcome for the right credential, 4401 otherwise, pong for ping.
 */
class LightClientTest {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final BlockingQueue<String> CLOSES = new LinkedBlockingQueue<>();
    private static Server server;
    private static int port;

    /** A stand-in for DeviceHub's endpoint, with a one-second heartbeat so that pings come quickly. */
    @ServerEndpoint("/ws/devices")
    public static class FakeHub {

        @OnOpen
        public void open(Session session) {
            session.setMaxIdleTimeout(0);
        }

        @OnMessage
        public void message(Session session, String text) throws IOException {
            RECEIVED.add(text);
            if (text.contains("\"type\":\"auth\"")) {
                if (text.contains("\"credential\":\"right\"")) {
                    session.getBasicRemote().sendText("{\"type\":\"welcome\",\"device\":\"d000000\",\"heartbeat\":1,"
                            + "\"maxFrameBytes\":65536}");
                } else {
                    session.getBasicRemote().sendText("{\"type\":\"error\",\"code\":\"unauthorized\","
                            + "\"message\":\"Authentication failed.\"}");
                    session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4401), "authentication failed"));
                }
            } else if (text.equals("{\"type\":\"ping\"}")) {
                session.getBasicRemote().sendText("{\"type\":\"pong\"}");
            } else if (text.equals("big")) {
                session.getBasicRemote().sendText("{\"type\":\"big\",\"x\":\"" + "x".repeat(50_000) + "\"}");
            }
        }

        @OnClose
        public void close(CloseReason reason) {
            CLOSES.add(reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
        }
    }

    /** Records what the client reports. */
    private static final class Recorder implements LightClient.Listener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void online(LightConnection connection) {
            events.add("online " + connection.device());
        }

        @Override
        public void message(LightConnection connection, String text, long receivedNanos) {
            events.add("message " + (text.length() > 40 ? text.substring(0, 20) + "…" + text.length() : text));
        }

        @Override
        public void ended(LightConnection connection, Ending ending) {
            events.add("ended " + ending.code() + " " + ending.reason() + " " + ending.phase()
                    + (ending.byClient() ? " by client" : ""));
        }

        String next() throws InterruptedException {
            String event = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "nothing happened within 10 s");
            return event;
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        port = freePort(); // Tyrus would take 8025 for port 0, inside the range other test servers use
        server = new Server("127.0.0.1", port, "", Map.of(), FakeHub.class);
        server.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    private static LightClient client(String credential, Recorder recorder, int serverPort) {
        DeviceFleet fleet = new DeviceFleet("bench", credential, 0, 1, 10);
        return new LightClient(new InetSocketAddress("127.0.0.1", serverPort), DeviceFleet.PATH,
                fleet.authMessages(), recorder);
    }

    @Test
    void aDeviceWithTheRightCredentialComesOnlinePingsEveryHeartbeatAndClosesCleanly() throws Exception {
        Recorder recorder = new Recorder();
        LightClient client = client("right", recorder, port);
        LightConnection device = new LightConnection(0, "d000000", InetAddress.getByName("127.0.0.2"));
        try {
            client.execute(() -> client.connect(device));
            assertEquals("online d000000", recorder.next());
            assertTrue(RECEIVED.contains("{\"type\":\"auth\",\"account\":\"bench\",\"device\":\"d000000\","
                    + "\"credential\":\"right\"}"), RECEIVED.toString());
            assertEquals("message {\"type\":\"pong\"}", recorder.next(), "a ping after one second of silence");

            client.execute(() -> client.send(device, "big"));
            assertEquals("message {\"type\":\"big\",\"x\":\"x…50021", recorder.next(), "a 16-bit-length frame");

            client.execute(() -> client.close(device, 1000, "done"));
            assertEquals("ended 1000 done ONLINE by client", recorder.next());
            assertEquals("1000 done", CLOSES.poll(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((int) client.call(client::openConnections) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, (int) client.call(client::openConnections), "the server drops the TCP connection");
        } finally {
            client.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void aWrongCredentialEndsWithTheServersCloseCodeAndErrorCode() throws Exception {
        Recorder recorder = new Recorder();
        LightClient client = client("wrong", recorder, port);
        try {
            client.execute(() -> client.connect(new LightConnection(0, "d000000", InetAddress.getLoopbackAddress())));
            assertEquals("ended 4401 unauthorized AUTHENTICATING", recorder.next());
        } finally {
            client.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void anUnreachableServerEndsTheAttemptWhileConnecting() throws Exception {
        int closedPort = freePort();
        Recorder recorder = new Recorder();
        LightClient client = client("right", recorder, closedPort);
        try {
            client.execute(() -> client.connect(new LightConnection(0, "d000000", InetAddress.getLoopbackAddress())));
            String ended = recorder.next();
            assertTrue(ended.startsWith("ended 1006 ") && ended.endsWith(" CONNECTING"), ended);
            assertFalse(ended.contains("by client"));
        } finally {
            client.shutdown(Duration.ofSeconds(1));
        }
    }
}
