package io.devicehub.credential;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final MutableClock clock = new MutableClock();
    private final Backoff backoff = new Backoff(clock, 3, Duration.ofSeconds(1), Duration.ofMinutes(5), 100);

    @Test
    void fromTheThirdFailureOnTheDelayDoublesUpToTheCap() {
        assertEquals(Duration.ZERO, backoff.delayAfter(2));
        assertEquals(Duration.ofSeconds(1), backoff.delayAfter(3));
        assertEquals(Duration.ofSeconds(2), backoff.delayAfter(4));
        assertEquals(Duration.ofSeconds(256), backoff.delayAfter(11));
        assertEquals(Duration.ofMinutes(5), backoff.delayAfter(12));
        assertEquals(Duration.ofMinutes(5), backoff.delayAfter(1_000_000));
    }

    @Test
    void aKeyIsBlockedOnlyUntilItsDelayHasPassed() {
        backoff.failed("device:a");
        backoff.failed("device:a");
        assertEquals(Duration.ZERO, backoff.blockedFor("device:a"));
        backoff.failed("device:a");
        assertEquals(Duration.ofSeconds(1), backoff.blockedFor("device:a"));
        assertEquals(Duration.ZERO, backoff.blockedFor("device:b"));

        clock.advance(Duration.ofMillis(1001));
        assertEquals(Duration.ZERO, backoff.blockedFor("device:a"));
    }

    @Test
    void aQuietKeyStartsAfreshAndASuccessForgetsIt() {
        for (int i = 0; i < 4; i++) {
            backoff.failed("k");
        }
        clock.advance(Duration.ofMinutes(6));
        backoff.failed("k");
        assertEquals(Duration.ZERO, backoff.blockedFor("k"), "failures older than the cap are forgotten");

        for (int i = 0; i < 4; i++) {
            backoff.failed("k");
        }
        backoff.forget("k");
        assertEquals(Duration.ZERO, backoff.blockedFor("k"));
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfKeys() {
        for (int i = 0; i < 10_000; i++) {
            backoff.failed("flood-" + i);
            clock.advance(Duration.ofMillis(1));
        }
        assertTrue(backoff.size() <= 100, "size " + backoff.size());
    }

    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
