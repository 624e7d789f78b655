package io.devicehub.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Reconnection delays: exponential backoff with full jitter, starting at 1 s and capped at 60 s. The delay before
 * attempt {@code n} is drawn uniformly from {@code [0, min(cap, 1 s × 2^n)]}, so that a thousand devices dropped
 * by one server restart come back spread out instead of all at once.
 * <p>
 * For {@value #RECENT_MINUTES} minutes after losing a session that was online the cap is {@link #RECENT_CAP}
 * (10 s) instead of 60 s: a server restart takes ~15 s, and with a 60 s cap some devices would sleep close to a
 * minute after it was back. A longer outage still backs off to one attempt a minute. Not thread-safe; the client
 * holds its lock.
 */
final class Backoff {

    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(60);
    static final Duration RECENT_CAP = Duration.ofSeconds(10);
    static final int RECENT_MINUTES = 2;

    /** 2^6 s already exceeds the cap; counting further would only risk overflow. */
    private static final int MAX_EXPONENT = 6;

    private final DoubleSupplier random;
    private final LongSupplier nanoClock;
    private int attempt;
    private long lostAtNanos;
    private boolean lost;

    /** @param random uniform numbers in {@code [0, 1)} */
    Backoff(DoubleSupplier random) {
        this(random, System::nanoTime);
    }

    Backoff(DoubleSupplier random, LongSupplier nanoClock) {
        this.random = random;
        this.nanoClock = nanoClock;
    }

    /** The largest delay before attempt {@code n} (0-based), long after any session was lost. */
    static Duration ceiling(int attempt) {
        return ceiling(attempt, CAP);
    }

    static Duration ceiling(int attempt, Duration cap) {
        Duration exponential = BASE.multipliedBy(1L << Math.min(attempt, MAX_EXPONENT));
        return exponential.compareTo(cap) < 0 ? exponential : cap;
    }

    /** An online session just ended: reconnect promptly for a while (see the class comment). */
    void sessionLost() {
        lost = true;
        lostAtNanos = nanoClock.getAsLong();
    }

    /** The delay before the next attempt; each call counts one attempt. */
    Duration next() {
        boolean recent = lost && nanoClock.getAsLong() - lostAtNanos < Duration.ofMinutes(RECENT_MINUTES).toNanos();
        long ceilingMillis = ceiling(attempt, recent ? RECENT_CAP : CAP).toMillis();
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
