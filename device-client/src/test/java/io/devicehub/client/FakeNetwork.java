package io.devicehub.client;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Stands in for the JDK's WebSocket connector: every connection attempt becomes a {@link Connection} the test plays
 * the server on. Attempts can be made to fail, like a server that is down.
 */
final class FakeNetwork implements DeviceClient.Connector {

    /** One connection: the socket the device writes to and the listener the "server" writes to. */
    record Connection(FakeWebSocket socket, WebSocket.Listener listener) {

        void serverSends(String message) {
            listener.onText(socket, message, true);
        }

        void serverSendsInParts(String... parts) {
            for (int i = 0; i < parts.length; i++) {
                listener.onText(socket, parts[i], i == parts.length - 1);
            }
        }

        void serverCloses(int code, String reason) {
            listener.onClose(socket, code, reason);
        }

        /** Reads up to and including the {@code welcome} handshake, returning the description the device sent. */
        String welcome(int heartbeatSeconds) throws InterruptedException {
            socket.next(); // auth
            serverSends("{\"type\":\"welcome\",\"device\":\"d\",\"heartbeat\":" + heartbeatSeconds
                    + ",\"maxFrameBytes\":65536}");
            return socket.next();
        }
    }

    final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();

    @Override
    public CompletableFuture<WebSocket> connect(URI uri, WebSocket.Listener listener) {
        Throwable failure = failures.poll();
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        FakeWebSocket socket = new FakeWebSocket();
        socket.peer = listener;
        // The JDK, too, calls onOpen before the connect future completes.
        listener.onOpen(socket);
        connections.add(new Connection(socket, listener));
        return CompletableFuture.completedFuture(socket);
    }

    Connection next(Duration timeout) throws InterruptedException {
        Connection connection = connections.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(connection, "the device did not connect within " + timeout);
        return connection;
    }

    Connection next() throws InterruptedException {
        return next(Duration.ofSeconds(5));
    }
}
