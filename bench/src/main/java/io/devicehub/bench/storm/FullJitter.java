package io.devicehub.bench.storm;

import java.util.function.DoubleSupplier;

/**
 * The protocol's reconnect delays (docs/protocol.md, and the SDK's {@code Backoff}): before attempt {@code n}
 * (0-based) a delay drawn uniformly from {@code [0, min(60 s, 1 s × 2^n)]}; a welcome starts over. Kept per device.
 */
final class FullJitter {

    static final long BASE_MILLIS = 1_000;
    static final long CAP_MILLIS = 60_000;
    private static final int MAX_EXPONENT = 6;

    private int attempt;

    /** The largest delay before attempt {@code n}. */
    static long ceilingMillis(int attempt) {
        return Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, MAX_EXPONENT));
    }

    /** The delay before the next attempt; each call counts one attempt. */
    long nextMillis(DoubleSupplier random) {
        long ceiling = ceilingMillis(attempt);
        attempt = Math.min(attempt + 1, MAX_EXPONENT);
        return Math.round(random.getAsDouble() * ceiling);
    }

    void reset() {
        attempt = 0;
    }
}
