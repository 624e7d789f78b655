package io.devicehub.bucket;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The timestamps the server gives records that come without one: the current millisecond, but never one a bucket
 * already got from this server, so that two records arriving in the same millisecond do not replace each other.
 * A bucket written faster than a record a millisecond would run ahead of the clock; at most
 * {@value #MAX_AHEAD_MILLIS} ms ahead, further writes without a timestamp are told to slow down.
 */
@ApplicationScoped
public class RecordClock {

    static final long MAX_AHEAD_MILLIS = 1000;

    private final Clock clock;
    private final Map<Long, Long> lastGiven = new ConcurrentHashMap<>();

    public RecordClock() {
        this(Clock.systemUTC());
    }

    RecordClock(Clock clock) {
        this.clock = clock;
    }

    /** @throws SlowDownException when the bucket's timestamps would run more than a second ahead of the clock */
    long next(long bucketId) {
        return next(bucketId, clock.millis());
    }

    /**
     * The timestamp of a record that arrived at {@code arrival} (milliseconds), a moment ago.
     *
     * @throws SlowDownException when the bucket's timestamps would run more than a second ahead of the clock
     */
    long next(long bucketId, long arrival) {
        long now = arrival;
        long[] given = new long[1];
        lastGiven.compute(bucketId, (id, last) -> {
            long candidate = last == null || last < now ? now : last + 1;
            given[0] = candidate > now + MAX_AHEAD_MILLIS ? -1 : candidate;
            return given[0] < 0 ? last : candidate;
        });
        if (given[0] < 0) {
            throw new SlowDownException("Records without a timestamp arrive faster than one a millisecond; give them"
                    + " a ts, or send fewer.");
        }
        return given[0];
    }

    long now() {
        return clock.millis();
    }

    void forget(long bucketId) {
        lastGiven.remove(bucketId);
    }
}
