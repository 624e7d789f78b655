package io.devicehub.client;

import io.devicehub.vocabulary.CloseCodes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.glassfish.tyrus.server.Server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The server side of the protocol, as little of it as the tests need, on a real WebSocket server (Tyrus on an
 * ephemeral port): it records what devices send, and a test either answers by hand or installs an automatic reply.
 * The real DeviceHub server is tested in its own module.
 */
@ServerEndpoint("/devices")
public class ProtocolPeer {

    public static final BlockingQueue<Session> SESSIONS = new LinkedBlockingQueue<>();
    public static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();
    public static final BlockingQueue<CloseReason> CLOSED = new LinkedBlockingQueue<>();
    /** What to do with each message from a device, besides recording it; nothing by default. */
    static volatile BiConsumer<Session, String> reply = (session, message) -> { };

    /** Held so the level sticks: JUL keeps loggers only weakly. Start-up chatter would drown the test output. */
    private static final Logger GLASSFISH = Logger.getLogger("org.glassfish");

    /** Starts a server on a free port (Tyrus takes -1 for that); the caller stops it. */
    public static Server start() {
        GLASSFISH.setLevel(Level.WARNING);
        Server server = new Server("localhost", -1, "/ws", Map.of(), ProtocolPeer.class);
        try {
            server.start();
        } catch (DeploymentException e) {
            throw new IllegalStateException(e);
        }
        reset();
        return server;
    }

    public static URI uri(Server server) {
        return URI.create("ws://localhost:" + server.getPort() + "/ws/devices");
    }

    public static void reset() {
        SESSIONS.clear();
        RECEIVED.clear();
        CLOSED.clear();
        reply = (session, message) -> { };
    }

    /** Answers every {@code auth} with a {@code welcome} (heartbeat 30 s); the test plays the rest. */
    public static void welcomeEveryone() {
        reply = (session, message) -> {
            if (message.contains("\"auth\"")) {
                send(session, "{\"type\":\"welcome\",\"heartbeat\":30,\"maxFrameBytes\":65536}");
            }
        };
    }

    /** Answers every {@code auth} with the protocol's authentication failure: an error, then close 4401. */
    public static void rejectEveryone() {
        reply = (session, message) -> {
            if (message.contains("\"auth\"")) {
                send(session, "{\"type\":\"error\",\"code\":\"unauthorized\",\"message\":\"Authentication failed.\"}");
                close(session, 4401, "authentication failed");
            }
        };
    }

    public static void send(Session session, String message) {
        try {
            session.getBasicRemote().sendText(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void close(Session session, int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T next(BlockingQueue<T> queue, Duration timeout) throws InterruptedException {
        T item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(item, "nothing arrived within " + timeout);
        return item;
    }

    @OnOpen
    public void open(Session session) {
        SESSIONS.add(session);
    }

    @OnMessage
    public void message(Session session, String message) {
        RECEIVED.add(message);
        reply.accept(session, message);
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        CLOSED.add(reason);
    }
}
