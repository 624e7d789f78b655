package io.devicehub.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * A device that speaks raw WebSocket through the JDK's client, sending exactly what a test tells it to (including
 * what no well-behaved device would send) and recording what the server answers and how it closes.
 */
public final class RawDevice implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    /** The one answer to every failed authentication (docs/protocol.md). */
    public static final String UNAUTHORIZED = "{\"type\":\"error\",\"code\":\"unauthorized\","
            + "\"message\":\"Authentication failed.\"}";

    /** What {@link #next()} answers once the server has closed the connection, followed by the close code. */
    public static final String CLOSED = "closed:";

    private final ServerMessages received = new ServerMessages();
    private final WebSocket socket;

    private RawDevice(URI endpoint, HttpClient http) {
        this.socket = http.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(endpoint, new Listener()).join();
    }

    private RawDevice(URI endpoint, String authorization) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                .header("Authorization", authorization).buildAsync(endpoint, new Listener()).join();
    }

    /** A raw socket whose upgrade carries this {@code Authorization} header (the WebSocket API's way in). */
    public static RawDevice connect(URI endpoint, String authorization) {
        return new RawDevice(endpoint, authorization);
    }

    public static RawDevice connect(URI endpoint) {
        return new RawDevice(endpoint, HttpClient.newHttpClient());
    }

    public static RawDevice connect(URI endpoint, HttpClient http) {
        return new RawDevice(endpoint, http);
    }

    /** A device connected and authenticated (welcomed), or the test fails. */
    public static RawDevice online(URI endpoint, Fixture.Registered device) {
        RawDevice raw = connect(endpoint);
        String welcome = raw.authenticate(device.account(), device.device(), device.credential());
        if (!welcome.startsWith("{\"type\":\"welcome\"")) {
            throw new AssertionError("not welcomed: " + welcome);
        }
        return raw;
    }

    /** The {@code auth} message. */
    public static String auth(String account, String device, String credential) {
        return "{\"type\":\"auth\",\"account\":\"" + account + "\",\"device\":\"" + device + "\",\"credential\":\""
                + credential + "\"}";
    }

    public RawDevice send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /**
     * Sends unless the connection is closed meanwhile, as a flood meets the server's close: {@code false} then.
     */
    public boolean trySend(String text) {
        try {
            socket.sendText(text, true).join();
            return true;
        } catch (java.util.concurrent.CompletionException closed) {
            if (isOpen()) {
                throw closed;
            }
            return false;
        }
    }

    public RawDevice sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    /** Sends {@code auth} and returns the server's answer. */
    public String authenticate(String account, String device, String credential) {
        send(auth(account, device, credential));
        return next();
    }

    /**
     * The next message from the server, or {@value #CLOSED} and the close code once it closed the connection; fails
     * the test if neither comes in time.
     */
    public String next() {
        return received.next();
    }

    /** Waits for the server to close the connection and returns the close code. */
    public int closeCode() {
        return received.closeCode();
    }

    public String closeReason() {
        return received.closeReason();
    }

    public boolean isOpen() {
        return !received.isClosed() && !socket.isOutputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.text(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.closed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            received.failed(error);
        }
    }
}
