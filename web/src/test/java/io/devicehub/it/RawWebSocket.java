package io.devicehub.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A WebSocket client written on a plain TCP socket, frame by frame (RFC 6455): it sends what no library would — a
 * frame of any size, a message in fragments, from a chosen local address such as {@code 127.0.0.2} — and records
 * what the server answers and how it closes. Sends run on their own thread, so a server that stops reading cannot
 * hang the test.
 */
public final class RawWebSocket implements AutoCloseable {

    private static final Duration CONNECT = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final int TEXT = 1;
    public static final int CONTINUATION = 0;
    private static final int CLOSE = 8;
    private static final int PING = 9;

    private final Socket socket;
    private final OutputStream out;
    private final ServerMessages received = new ServerMessages();

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a WebSocket to {@code endpoint} on the loopback interface from {@code localAddress} (any of
     * {@code 127.0.0.0/8}), so that the server sees that address as the client's.
     */
    public static RawWebSocket connect(URI endpoint, String localAddress) {
        try {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", endpoint.getPort()), (int) CONNECT.toMillis());
            RawWebSocket client = new RawWebSocket(socket);
            client.handshake(endpoint, "", true);
            return client;
        } catch (IOException e) {
            throw new AssertionError("could not open a WebSocket to " + endpoint + " from " + localAddress, e);
        }
    }

    /**
     * Opens a WebSocket, its upgrade carrying this {@code Authorization} header (unless {@code null}), that never
     * reads a frame the server sends (and offers only a small receive window): a program or device that stopped
     * reading, or one that means harm.
     */
    public static RawWebSocket unread(URI endpoint, String authorization) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", endpoint.getPort()), (int) CONNECT.toMillis());
            RawWebSocket client = new RawWebSocket(socket);
            client.handshake(endpoint, authorization == null ? "" : "Authorization: " + authorization + "\r\n", false);
            return client;
        } catch (IOException e) {
            throw new AssertionError("could not open a WebSocket to " + endpoint, e);
        }
    }

    private void handshake(URI endpoint, String headers, boolean reading) throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        out.write(("GET " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + endpoint.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String head = readHead(in);
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + head);
        }
        if (!reading) {
            return;
        }
        Thread reader = new Thread(() -> read(in), "raw-websocket-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed during the handshake: " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one text frame holding all of {@code text}. */
    public RawWebSocket send(String text) {
        return frame(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one frame, masked as a client must. Whether it could be written whole does not matter to the tests: a
     * server may close the connection halfway through a frame it refuses.
     */
    public RawWebSocket frame(boolean fin, int opcode, byte[] payload) {
        CompletableFuture.runAsync(() -> write(fin, opcode, payload)).orTimeout(CONNECT.toSeconds(), TimeUnit.SECONDS)
                .exceptionally(failure -> null).join();
        return this;
    }

    private void write(boolean fin, int opcode, byte[] payload) {
        try {
            writeOrFail(fin, opcode, payload);
        } catch (IOException closedMeanwhile) {
            // The server refused the frame and closed the connection; the reader records how.
        }
    }

    private synchronized void writeOrFail(boolean fin, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            header.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            header.write(0x80 | 126);
            header.write(payload.length >>> 8);
            header.write(payload.length);
        } else {
            header.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                header.write((int) ((long) payload.length >>> shift));
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        header.write(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        out.write(header.toByteArray());
        out.write(masked);
        out.flush();
    }

    /**
     * Sends the text frames {@code message} makes of 0, 1, 2…, one each {@code interval}, until the server drops the
     * connection (a write fails); {@code false} if it has not within {@code limit}. A write may wait for the server
     * to read, but never beyond the limit.
     */
    public boolean sendUntilDropped(IntFunction<String> message, Duration interval, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            if (i > 0 && !interval.isZero()) {
                LockSupport.parkNanos(interval.toNanos());
            }
            byte[] payload = message.apply(i).getBytes(StandardCharsets.UTF_8);
            try {
                CompletableFuture.runAsync(() -> {
                    try {
                        writeOrFail(true, TEXT, payload);
                    } catch (IOException dropped) {
                        throw new UncheckedIOException(dropped);
                    }
                }).orTimeout(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS).join();
            } catch (CompletionException failed) {
                return failed.getCause() instanceof UncheckedIOException;
            }
        }
        return false;
    }

    /** The next text message, or {@code closed:<code>} once the server closed; fails the test if neither comes. */
    public String next() {
        return received.next();
    }

    /** Waits for the server to close the connection; 1006 when it went without a close frame. */
    public int closeCode() {
        return received.closeCode();
    }

    public boolean isOpen() {
        return !received.isClosed();
    }

    public String closeReason() {
        return received.closeReason();
    }

    private void read(DataInputStream in) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                int opcode = first & 0x0f;
                if (opcode == CLOSE) {
                    int code = payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : 1005;
                    write(true, CLOSE, payload.length >= 2 ? new byte[]{payload[0], payload[1]} : new byte[0]);
                    finish(code, payload.length > 2
                            ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "");
                    return;
                }
                if (opcode == PING) {
                    write(true, 10, payload);
                } else if (opcode == TEXT || opcode == CONTINUATION) {
                    message.write(payload);
                    if ((first & 0x80) != 0) {
                        received.text(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    }
                }
            }
        } catch (IOException ended) {
            finish(1006, "");
        }
    }

    private void finish(int code, String reason) {
        received.closed(code, reason);
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException alreadyClosed) {
            // nothing left to release
        }
    }
}
