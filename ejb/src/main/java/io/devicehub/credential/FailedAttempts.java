package io.devicehub.credential;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;

/**
 * Slows down guessing. Failed credential checks are counted per identity (an account, a device) and per remote
 * address; past a few free failures each further one blocks that key for twice as long as the last, up to a cap.
 * While blocked, checks are refused before any hashing, so a brute-force client neither burns the CPU nor learns
 * anything, and no thread sleeps.
 * <p>
 * The identity's cap is short (5 minutes) so that an attacker cannot lock the real owner out for long; the
 * address's cap is long (1 hour) because that is where guessing comes from. A success clears the identity's count.
 * Counts live in memory: a restart forgets them, which only ever helps the legitimate user.
 */
@ApplicationScoped
public class FailedAttempts {

    private final Backoff identities;
    private final Backoff addresses;

    public FailedAttempts() {
        this(Clock.systemUTC());
    }

    FailedAttempts(Clock clock) {
        identities = new Backoff(clock, 5, Duration.ofSeconds(1), Duration.ofMinutes(5), 100_000);
        addresses = new Backoff(clock, 20, Duration.ofSeconds(1), Duration.ofHours(1), 100_000);
    }

    /** How long checks for this identity from this address are still refused; zero when they are allowed. */
    public Duration blockedFor(String identity, String address) {
        Duration identityBlock = identities.blockedFor(identity);
        Duration addressBlock = addresses.blockedFor(address);
        return identityBlock.compareTo(addressBlock) >= 0 ? identityBlock : addressBlock;
    }

    public void failed(String identity, String address) {
        identities.failed(identity);
        addresses.failed(address);
    }

    public void succeeded(String identity) {
        identities.forget(identity);
    }
}
