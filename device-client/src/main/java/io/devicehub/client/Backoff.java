package io.devicehub.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnection delays: exponential backoff with full jitter, starting at 1 s and capped at 60 s. The delay before
 * attempt {@code n} is drawn uniformly from {@code [0, min(60 s, 1 s × 2^n)]}, so that a thousand devices dropped
 * by one server restart come back spread out instead of all at once. Not thread-safe; the client holds its lock.
 */
final class Backoff {

    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(60);

    /** 2^6 s already exceeds the cap; counting further would only risk overflow. */
    private static final int MAX_EXPONENT = 6;

    private final DoubleSupplier random;
    private int attempt;

    /** @param random uniform numbers in {@code [0, 1)} */
    Backoff(DoubleSupplier random) {
        this.random = random;
    }

    /** The largest delay before attempt {@code n} (0-based). */
    static Duration ceiling(int attempt) {
        Duration exponential = BASE.multipliedBy(1L << Math.min(attempt, MAX_EXPONENT));
        return exponential.compareTo(CAP) < 0 ? exponential : CAP;
    }

    /** The delay before the next attempt; each call counts one attempt. */
    Duration next() {
        long ceilingMillis = ceiling(attempt).toMillis();
        attempt = Math.min(attempt + 1, MAX_EXPONENT);
        return Duration.ofMillis(Math.round(random.getAsDouble() * ceilingMillis));
    }

    /**
     * The delay when the server asked to wait {@code retryAfter} first: that long plus the jittered backoff, so
     * devices told the same {@code retryAfter} still spread out.
     */
    Duration next(Duration retryAfter) {
        return retryAfter.plus(next());
    }

    /** Starts over at 1 s; called once a connection reached {@code welcome}. */
    void reset() {
        attempt = 0;
    }
}
