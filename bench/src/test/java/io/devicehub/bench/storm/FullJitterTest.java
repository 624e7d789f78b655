package io.devicehub.bench.storm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FullJitterTest {

    /** Long after the device lost its session: the 60 s cap applies. */
    private static final long LONG_AGO = 10 * 60_000;

    @Test
    void ceilingsDoubleFromOneSecondUpToTheSixtySecondCap() {
        long[] expected = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000};
        for (int attempt = 0; attempt < expected.length; attempt++) {
            assertEquals(expected[attempt], FullJitter.ceilingMillis(attempt), "attempt " + attempt);
        }
        assertEquals(60_000, FullJitter.ceilingMillis(Integer.MAX_VALUE));
    }

    @Test
    void eachDelayIsDrawnFromZeroToItsAttemptsCeiling() {
        FullJitter backoff = new FullJitter();
        assertEquals(500, backoff.nextMillis(() -> 0.5, LONG_AGO));
        assertEquals(2_000, backoff.nextMillis(() -> 1.0, LONG_AGO));
        assertEquals(0, backoff.nextMillis(() -> 0.0, LONG_AGO));
        assertEquals(4_000, backoff.nextMillis(() -> 0.5, LONG_AGO));
    }

    @Test
    void aWelcomeStartsOverAtOneSecond() {
        FullJitter backoff = new FullJitter();
        for (int i = 0; i < 10; i++) {
            backoff.nextMillis(() -> 0.5, LONG_AGO);
        }
        assertEquals(30_000, backoff.nextMillis(() -> 0.5, LONG_AGO), "capped");
        backoff.reset();
        assertEquals(500, backoff.nextMillis(() -> 0.5, LONG_AGO));
    }

    @Test
    void forTwoMinutesAfterLosingASessionTheCapIsTenSeconds() {
        FullJitter backoff = new FullJitter();
        for (int i = 0; i < 10; i++) {
            backoff.nextMillis(() -> 0.5, 5_000);
        }
        assertEquals(5_000, backoff.nextMillis(() -> 0.5, 60_000), "half of the 10 s cap");
        assertEquals(30_000, backoff.nextMillis(() -> 0.5, 130_000), "half of the 60 s cap, later");
    }
}
