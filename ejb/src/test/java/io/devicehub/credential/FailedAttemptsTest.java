package io.devicehub.credential;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailedAttemptsTest {

    private static final String DEVICE = "device:alice/pump";
    private static final String GUESSER = "203.0.113.1";
    private static final String OWNER = "198.51.100.9";

    private final BackoffTest.MutableClock clock = new BackoffTest.MutableClock();
    private final FailedAttempts attempts = new FailedAttempts(clock);

    @Test
    void fiveFailuresFromOneAddressBlockThatAddressForTheIdentityOnly() {
        for (int i = 0; i < 4; i++) {
            attempts.failed(DEVICE, GUESSER);
        }
        assertEquals(Duration.ZERO, attempts.blockedFor(DEVICE, GUESSER), "four failures are free");
        attempts.failed(DEVICE, GUESSER);
        assertEquals(Duration.ofSeconds(1), attempts.blockedFor(DEVICE, GUESSER), "after five the next waits 1 s");
        assertEquals(Duration.ZERO, attempts.blockedFor(DEVICE, OWNER), "the owner elsewhere is not blocked");
        assertEquals(Duration.ZERO, attempts.blockedFor("device:alice/other", GUESSER));
    }

    @Test
    void theGuesserSlowsDownExponentiallyUpToFiveMinutes() {
        for (int i = 0; i < 5; i++) {
            attempts.failed(DEVICE, GUESSER);
        }
        for (long expected = 1; expected < 300; expected *= 2) {
            assertEquals(Duration.ofSeconds(expected), attempts.blockedFor(DEVICE, GUESSER));
            clock.advance(Duration.ofSeconds(expected));
            attempts.failed(DEVICE, GUESSER);
        }
        assertEquals(Duration.ofMinutes(5), attempts.blockedFor(DEVICE, GUESSER));
    }

    @Test
    void guessingManyIdentitiesFromOneAddressBlocksThatAddress() {
        for (int i = 0; i < 20; i++) {
            attempts.failed("account:user" + i, "203.0.113.2");
        }
        assertTrue(attempts.blockedFor("account:someone-else", "203.0.113.2").toMillis() > 0);
        assertEquals(Duration.ZERO, attempts.blockedFor("account:someone-else", OWNER));
    }

    @Test
    void guessingFromManyAddressesBlocksNewAddressesButNotOnesTheOwnerUsed() {
        attempts.succeeded(DEVICE, OWNER);
        for (int i = 0; i < 100; i++) {
            attempts.failed(DEVICE, "203.0.113." + (i % 25));
        }
        assertEquals(Duration.ofSeconds(1), attempts.blockedFor(DEVICE, "192.0.2.77"), "an unknown address waits");
        assertEquals(Duration.ZERO, attempts.blockedFor(DEVICE, OWNER), "the owner's known address does not");
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(4));
            attempts.failed(DEVICE, "203.0.113." + i);
        }
        assertEquals(Duration.ofMinutes(5), attempts.blockedFor(DEVICE, "192.0.2.77"), "never more than 5 minutes");
        assertEquals(Duration.ZERO, attempts.blockedFor(DEVICE, OWNER));
    }

    @Test
    void aKnownAddressIsStillSlowedDownByItsOwnFailures() {
        attempts.succeeded(DEVICE, OWNER);
        for (int i = 0; i < 5; i++) {
            attempts.failed(DEVICE, OWNER);
        }
        assertEquals(Duration.ofSeconds(1), attempts.blockedFor(DEVICE, OWNER));
        attempts.succeeded(DEVICE, OWNER);
        assertEquals(Duration.ZERO, attempts.blockedFor(DEVICE, OWNER), "a success starts its count again");
    }

    @Test
    void aKnownAddressIsForgottenAfterThirtyDays() {
        attempts.succeeded(DEVICE, OWNER);
        clock.advance(Duration.ofDays(31));
        for (int i = 0; i < 100; i++) {
            attempts.failed(DEVICE, "203.0.113." + (i % 25));
        }
        assertEquals(Duration.ofSeconds(1), attempts.blockedFor(DEVICE, OWNER));
    }

    @Test
    void checksThatNameNoIdentityCountPerAddress() {
        for (int i = 0; i < 20; i++) {
            attempts.failed(null, GUESSER);
        }
        assertEquals(Duration.ofSeconds(1), attempts.blockedFor(null, GUESSER));
        assertEquals(Duration.ZERO, attempts.blockedFor(null, OWNER));
    }
}
