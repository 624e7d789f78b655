package io.devicehub.bucket;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The server's timestamps: unique per bucket, never more than a second ahead. */
class RecordClockTest {

    @Test
    void recordsOfOneMillisecondGetTheNextOnes() {
        RecordClock clock = new RecordClock(Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC));
        assertEquals(5_000, clock.next(1, 5_000));
        assertEquals(5_001, clock.next(1, 5_000));
        assertEquals(5_000, clock.next(2, 5_000), "each bucket has its own");
        assertEquals(5_002, clock.next(1, 4_990), "never back in time");
        assertEquals(6_000, clock.next(1, 6_000));
    }

    @Test
    void aBucketRunningASecondAheadIsToldToSlowDown() {
        RecordClock clock = new RecordClock(Clock.fixed(Instant.ofEpochMilli(0), ZoneOffset.UTC));
        for (int i = 0; i <= RecordClock.MAX_AHEAD_MILLIS; i++) {
            assertEquals(i, clock.next(1, 0));
        }
        assertThrows(SlowDownException.class, () -> clock.next(1, 0));
        assertEquals(1_001, clock.next(1, 1_000), "a moment later it goes on");
        clock.forget(1);
        assertEquals(0, clock.next(1, 0));
    }
}
