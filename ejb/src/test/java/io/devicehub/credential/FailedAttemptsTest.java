package io.devicehub.credential;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailedAttemptsTest {

    private final BackoffTest.MutableClock clock = new BackoffTest.MutableClock();
    private final FailedAttempts attempts = new FailedAttempts(clock);

    @Test
    void guessingOneIdentityBlocksItAfterFiveFailuresButNotOthersFromElsewhere() {
        for (int i = 0; i < 6; i++) {
            attempts.failed("account:alice", "203.0.113.1");
        }
        assertTrue(attempts.blockedFor("account:alice", "198.51.100.7").toMillis() > 0,
                "the identity is blocked from every address");
        assertEquals(Duration.ZERO, attempts.blockedFor("account:bob", "198.51.100.7"));
    }

    @Test
    void guessingManyIdentitiesFromOneAddressBlocksThatAddress() {
        for (int i = 0; i < 21; i++) {
            attempts.failed("account:user" + i, "203.0.113.2");
        }
        assertTrue(attempts.blockedFor("account:someone-else", "203.0.113.2").toMillis() > 0);
        assertEquals(Duration.ZERO, attempts.blockedFor("account:someone-else", "198.51.100.8"));
    }

    @Test
    void theOwnerIsNeverLockedOutForLongerThanFiveMinutes() {
        for (int i = 0; i < 100; i++) {
            attempts.failed("device:alice/pump", "203.0.113." + (i % 250));
        }
        assertEquals(Duration.ofMinutes(5), attempts.blockedFor("device:alice/pump", "198.51.100.9"));
        attempts.succeeded("device:alice/pump");
        assertEquals(Duration.ZERO, attempts.blockedFor("device:alice/pump", "198.51.100.9"));
    }
}
