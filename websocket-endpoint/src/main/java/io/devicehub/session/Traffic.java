package io.devicehub.session;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What went over one connection so far, counted as whole frames, safe to update from any thread. */
final class Traffic {

    private volatile Instant connectedSince = Instant.now();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong messagesReceived = new AtomicLong();
    private final AtomicLong messagesSent = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private volatile long lastActivityMillis = System.currentTimeMillis();

    /** A message of {@code utf8Bytes} from the device. */
    void received(long utf8Bytes) {
        bytesReceived.addAndGet(frameBytes(utf8Bytes, true));
        messagesReceived.incrementAndGet();
        lastActivityMillis = System.currentTimeMillis();
    }

    void sent(String text) {
        bytesSent.addAndGet(frameBytes(text, false));
        messagesSent.incrementAndGet();
    }

    void called() {
        calls.incrementAndGet();
    }

    long lastActivityMillis() {
        return lastActivityMillis;
    }

    /** A number that changes whenever anything moves, to tell whether there is news since last time. */
    long movement() {
        return messagesReceived.get() + messagesSent.get();
    }

    SessionStatistics snapshot(String remoteAddress) {
        return new SessionStatistics(connectedSince, Instant.ofEpochMilli(lastActivityMillis), remoteAddress,
                bytesReceived.get(), bytesSent.get(), messagesReceived.get(), messagesSent.get(), calls.get());
    }

    /** The session counts as connected from its authentication on, not from the opening of the socket. */
    Instant markOnline() {
        connectedSince = Instant.now();
        return connectedSince;
    }

    /**
     * The size of a single-frame text message on the wire: payload, 2 header bytes, 2 or 8 more for longer
     * payloads, and the 4-byte mask that clients (devices) must add.
     */
    static long frameBytes(String text, boolean masked) {
        return frameBytes(utf8Length(text), masked);
    }

    private static long frameBytes(long payload, boolean masked) {
        long header = 2 + (payload > 65_535 ? 8 : payload > 125 ? 2 : 0) + (masked ? 4 : 0);
        return header + payload;
    }

    static long utf8Length(String text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
