package io.devicehub.client;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private static final double ALMOST_ONE = Math.nextDown(1.0);

    @Test
    void theCeilingStartsAtOneSecondDoublesAndStopsAtSixtySeconds() {
        assertEquals(Duration.ofSeconds(1), Backoff.ceiling(0));
        assertEquals(Duration.ofSeconds(2), Backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(4), Backoff.ceiling(2));
        assertEquals(Duration.ofSeconds(32), Backoff.ceiling(5));
        assertEquals(Duration.ofSeconds(60), Backoff.ceiling(6));
        assertEquals(Duration.ofSeconds(60), Backoff.ceiling(1_000));
    }

    @Test
    void theLargestDrawGivesTheCeilingOfEachAttempt() {
        Backoff backoff = new Backoff(() -> ALMOST_ONE);
        long[] expectedSeconds = {1, 2, 4, 8, 16, 32, 60, 60, 60};
        for (long seconds : expectedSeconds) {
            assertEquals(Duration.ofSeconds(seconds), backoff.next());
        }
    }

    @Test
    void theSmallestDrawReconnectsAtOnce() {
        Backoff backoff = new Backoff(() -> 0.0);
        for (int i = 0; i < 10; i++) {
            assertEquals(Duration.ZERO, backoff.next());
        }
    }

    @RepeatedTest(20)
    void everyDelayLiesBetweenZeroAndTheCeilingOfItsAttempt() {
        Backoff backoff = new Backoff(() -> ThreadLocalRandom.current().nextDouble());
        for (int attempt = 0; attempt < 12; attempt++) {
            Duration delay = backoff.next();
            assertTrue(!delay.isNegative() && delay.compareTo(Backoff.ceiling(attempt)) <= 0,
                    "attempt " + attempt + ": " + delay);
        }
    }

    @Test
    void aResetStartsOverAtOneSecond() {
        Backoff backoff = new Backoff(() -> ALMOST_ONE);
        backoff.next();
        backoff.next();
        backoff.next();
        backoff.reset();
        assertEquals(Duration.ofSeconds(1), backoff.next());
    }

    @Test
    void aRetryAfterIsWaitedInFullBeforeTheJitteredBackoff() {
        assertEquals(Duration.ofSeconds(8), new Backoff(() -> 0.0).next(Duration.ofSeconds(8)));
        assertEquals(Duration.ofSeconds(9), new Backoff(() -> ALMOST_ONE).next(Duration.ofSeconds(8)));
    }

    @Test
    void afterLosingAnOnlineSessionTheCapIsTenSecondsForTwoMinutes() {
        long[] now = {0};
        Backoff backoff = new Backoff(() -> ALMOST_ONE, () -> now[0]);
        backoff.sessionLost();
        for (int i = 0; i < 10; i++) {
            assertTrue(backoff.next().compareTo(Backoff.RECENT_CAP) <= 0, "attempt " + i);
        }
        now[0] = java.time.Duration.ofMinutes(3).toNanos();
        assertTrue(backoff.next().compareTo(Duration.ofSeconds(30)) > 0, "a long outage backs off to a minute again");
    }
}
