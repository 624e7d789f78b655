package io.devicehub.bench.storm;

import java.util.function.DoubleSupplier;

/**
 * The protocol's reconnect delays (docs/protocol.md, and the SDK's {@code Backoff}): before attempt {@code n}
 * (0-based) a delay drawn uniformly from {@code [0, min(cap, 1 s × 2^n)]}, where the cap is 10 s for two minutes
 * after losing an online session and 60 s after that; a welcome starts over. Kept per device.
 */
final class FullJitter {

    static final long BASE_MILLIS = 1_000;
    static final long CAP_MILLIS = 60_000;
    static final long RECENT_CAP_MILLIS = 10_000;
    static final long RECENT_MILLIS = 120_000;
    private static final int MAX_EXPONENT = 6;

    private int attempt;

    /** The largest delay before attempt {@code n}, long after the loss of a session. */
    static long ceilingMillis(int attempt) {
        return ceilingMillis(attempt, CAP_MILLIS);
    }

    static long ceilingMillis(int attempt, long cap) {
        return Math.min(cap, BASE_MILLIS << Math.min(attempt, MAX_EXPONENT));
    }

    /**
     * The delay before the next attempt; each call counts one attempt.
     *
     * @param sinceLostMillis how long ago the device lost its online session
     */
    long nextMillis(DoubleSupplier random, long sinceLostMillis) {
        long ceiling = ceilingMillis(attempt, sinceLostMillis < RECENT_MILLIS ? RECENT_CAP_MILLIS : CAP_MILLIS);
        attempt = Math.min(attempt + 1, MAX_EXPONENT);
        return Math.round(random.getAsDouble() * ceiling);
    }

    void reset() {
        attempt = 0;
    }
}
