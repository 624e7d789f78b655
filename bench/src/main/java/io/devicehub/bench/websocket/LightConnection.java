package io.devicehub.bench.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * One simulated device's connection in a {@link LightClient}: which device, from which source address, and where
 * the current attempt stands. It is reused for every reconnection of the device. Only the client's selector thread
 * touches it; what a benchmark keeps per device goes into {@link #attach(Object)}.
 */
public final class LightConnection {

    /** Where a connection attempt stands. */
    public enum Phase {
        /** No socket: not started, or ended. */
        IDLE,
        /** TCP connect under way. */
        CONNECTING,
        /** Upgrade request sent, waiting for 101. */
        HANDSHAKE,
        /** {@code auth} sent, waiting for {@code welcome}. */
        AUTHENTICATING,
        /** Welcomed: an online device. */
        ONLINE,
        /** Close frame exchanged, waiting for the server to drop the TCP connection. */
        CLOSING
    }

    private final int index;
    private final String device;
    private final InetAddress source;
    private Object attachment;

    // The current attempt; package-private for the client only.
    SocketChannel channel;
    SelectionKey key;
    Phase phase = Phase.IDLE;
    long phaseSinceNanos;
    long lastSentNanos;
    int heartbeatSeconds;
    String expectedAccept;
    byte[] pending;
    ArrayDeque<ByteBuffer> unsent;
    ByteArrayOutputStream fragments;
    String refusal;
    boolean closeSent;
    boolean ended;

    public LightConnection(int index, String device, InetAddress source) {
        this.index = index;
        this.device = device;
        this.source = source;
    }

    /** The device's position among the benchmark's devices. */
    public int index() {
        return index;
    }

    public String device() {
        return device;
    }

    public InetAddress source() {
        return source;
    }

    public Phase phase() {
        return phase;
    }

    @SuppressWarnings("unchecked")
    public <T> T attachment() {
        return (T) attachment;
    }

    public void attach(Object state) {
        this.attachment = state;
    }

    void enter(Phase next, long nowNanos) {
        phase = next;
        phaseSinceNanos = nowNanos;
    }

    @Override
    public String toString() {
        return "LightConnection[" + device + " from " + source.getHostAddress() + ", " + phase + "]";
    }

    /** Writes now what the socket takes, queues the rest until it is writable again. Selector thread only. */
    void write(ByteBuffer bytes) throws IOException {
        if (unsent == null || unsent.isEmpty()) {
            channel.write(bytes);
            if (!bytes.hasRemaining()) {
                return;
            }
            if (unsent == null) {
                unsent = new ArrayDeque<>(2);
            }
        }
        unsent.add(bytes);
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
    }

    /** Writes what was queued, as far as the socket takes it. Selector thread only. */
    void flush() throws IOException {
        while (unsent != null && !unsent.isEmpty()) {
            ByteBuffer head = unsent.peek();
            channel.write(head);
            if (head.hasRemaining()) {
                return;
            }
            unsent.poll();
        }
        key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
    }

    /** The socket is closed: drops everything of that attempt. */
    void forgetSocket() {
        channel = null;
        key = null;
        pending = null;
        unsent = null;
        fragments = null;
        expectedAccept = null;
        enter(Phase.IDLE, System.nanoTime());
    }

    /** Keeps the bytes of an incomplete message for the next read. */
    void keepPending(ByteBuffer in) {
        if (in.hasRemaining()) {
            pending = new byte[in.remaining()];
            in.get(pending);
        }
    }

    /** A text or continuation frame: the whole message once its last fragment came, else {@code null}. */
    String assemble(Frame frame) throws IOException {
        if (frame.opcode() == Frames.TEXT && frame.fin()) {
            return new String(frame.payload(), StandardCharsets.UTF_8);
        }
        if (frame.opcode() == Frames.TEXT) {
            fragments = new ByteArrayOutputStream();
        } else if (fragments == null) {
            throw new ProtocolException("a continuation frame without a message to continue");
        }
        fragments.write(frame.payload());
        if (!frame.fin()) {
            return null;
        }
        String text = fragments.toString(StandardCharsets.UTF_8);
        fragments = null;
        return text;
    }
}
