package io.devicehub.client;

import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.glassfish.tyrus.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.devicehub.client.ProtocolPeer.next;
import static io.devicehub.client.TestJson.object;
import static io.devicehub.client.TestJson.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client on the JDK's real WebSocket against a real server, where frames, parts and closes are genuine. */
class DeviceClientOverWebSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Server server;

    private final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
    private DeviceClient client;

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

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private DeviceClient start() {
        client = DeviceClient.builder(ProtocolPeer.uri(server))
                .account("alice").device("greenhouse-1").credential("k3Qm9TzX2fLw8RbV5nYc1HdP")
                .resource(Resource.output("temperature", () -> value("{\"celsius\":21.7}")))
                .resource(Resource.inputOutput("echo", input -> input).example(value("\"hello\"")))
                .listener(states::add)
                .build();
        client.start();
        return client;
    }

    @Test
    void aDeviceAuthenticatesDescribesAnswersCallsPushesAndClosesOverARealWebSocket() throws Exception {
        start();
        Session peer = next(ProtocolPeer.SESSIONS, WAIT);
        assertEquals("auth", object(next(ProtocolPeer.RECEIVED, WAIT)).getString("type"));

        ProtocolPeer.send(peer, "{\"type\":\"welcome\",\"device\":\"greenhouse-1\",\"heartbeat\":30,\"maxFrameBytes\":65536}");
        JsonObject describe = object(next(ProtocolPeer.RECEIVED, WAIT));
        assertEquals("describe", describe.getString("type"));
        assertEquals(2, describe.getJsonArray("resources").size());
        assertTrue(client.awaitOnline(WAIT));

        // A call in two frames, the second continuing the first, as a server may fragment any message.
        peer.getBasicRemote().sendText("{\"type\":\"call\",\"id\":\"c1-3\",", false);
        peer.getBasicRemote().sendText("\"resource\":\"echo\",\"input\":{\"any\":[\"json\",1,true]}}", true);
        assertEquals(object("{\"type\":\"result\",\"id\":\"c1-3\",\"output\":{\"any\":[\"json\",1,true]}}"),
                object(next(ProtocolPeer.RECEIVED, WAIT)));

        client.push("climate", value("{\"celsius\":21.7,\"humidity\":41}"));
        assertEquals("data", object(next(ProtocolPeer.RECEIVED, WAIT)).getString("type"));

        client.close();
        CloseReason closed = next(ProtocolPeer.CLOSED, WAIT);
        assertEquals(1000, closed.getCloseCode().getCode());
        assertEquals(ConnectionState.Status.STOPPED, client.state().status());
    }

    @Test
    void aLongMessageArrivingInManyPartsIsAnsweredWhole() throws Exception {
        start();
        Session peer = next(ProtocolPeer.SESSIONS, WAIT);
        next(ProtocolPeer.RECEIVED, WAIT);
        ProtocolPeer.send(peer, "{\"type\":\"welcome\",\"heartbeat\":30,\"maxFrameBytes\":65536}");
        next(ProtocolPeer.RECEIVED, WAIT);
        String text = "é".repeat(30_000);

        ProtocolPeer.send(peer, "{\"type\":\"call\",\"id\":\"big\",\"resource\":\"echo\",\"input\":\"" + text + "\"}");

        assertEquals(text, object(next(ProtocolPeer.RECEIVED, WAIT)).getString("output"));
    }

    @Test
    void anAuthenticationFailureStopsTheClientWithoutRetrying() throws Exception {
        ProtocolPeer.rejectEveryone();
        start();

        ConnectionState state;
        do {
            state = states.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } while (state != null && !state.isStopped());

        assertEquals("STOPPED 4401 authentication failed", String.valueOf(state));
        next(ProtocolPeer.SESSIONS, WAIT);
        assertNull(ProtocolPeer.SESSIONS.poll(500, TimeUnit.MILLISECONDS), "the device tried again");
    }

    @Test
    void aRefusedHandshakeIsReportedWithItsHttpStatusAndRetried() throws Exception {
        URI wrongPath = ProtocolPeer.uri(server).resolve("/ws/nothing-here");
        client = DeviceClient.builder(wrongPath).account("alice").device("d").credential("secret-secret")
                .listener(states::add).build();
        client.start();

        ConnectionState state;
        do {
            state = states.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } while (state != null && state.status() != ConnectionState.Status.OFFLINE);

        assertEquals("OFFLINE cannot connect: the server refused the WebSocket handshake (HTTP 404)",
                String.valueOf(state).replaceAll(" \\(retry in .*\\)$", ""));
    }

    @Test
    void aServerThatGoesAwayIsReconnectedTo() throws Exception {
        start();
        Session first = next(ProtocolPeer.SESSIONS, WAIT);
        next(ProtocolPeer.RECEIVED, WAIT);
        ProtocolPeer.send(first, "{\"type\":\"welcome\",\"heartbeat\":30,\"maxFrameBytes\":65536}");
        assertEquals("describe", object(next(ProtocolPeer.RECEIVED, WAIT)).getString("type"));
        assertTrue(client.awaitOnline(WAIT));

        ProtocolPeer.close(first, 1013, "");

        // The first retry waits at most 1 s (full jitter after a successful session).
        next(ProtocolPeer.SESSIONS, Duration.ofSeconds(5));
        assertEquals("auth", object(next(ProtocolPeer.RECEIVED, WAIT)).getString("type"));
    }
}
