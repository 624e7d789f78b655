package io.devicehub.bench.websocket;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
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
}
