package io.devicehub.credential;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;

/**
 * Slows down guessing without letting a stranger lock the owner out. Failed credential checks are counted three
 * ways, and past a number of failures each further one blocks for twice as long as the last, up to a cap:
 * <ul>
 *   <li>per identity (an account, a device) <em>and</em> address: {@value #PAIR_FAILURES} failures, then 1 s, 2 s …
 *       up to 5 minutes. This is what slows a guesser down, and it blocks nobody but the guesser's address;</li>
 *   <li>per address, whatever the identity: {@value #ADDRESS_FAILURES} failures, then up to an hour, against
 *       one address trying many identities;</li>
 *   <li>per identity from every address together: {@value #IDENTITY_FAILURES} failures, then up to 5 minutes,
 *       against guessing spread over many addresses.</li>
 * </ul>
 * An address the identity signed in from successfully in the last {@value #KNOWN_DAYS} days is exempt from the
 * last two: the real device reconnecting from where it was, or a person at their usual desk, still gets in while
 * others guess. Only its own per-address count can block it, and only guesses from that same address add to it.
 * While blocked, checks are refused before any hashing, so a guesser neither burns the CPU nor learns anything,
 * and no thread sleeps. Counts live in memory: a restart forgets them, which only ever helps the legitimate user.
 */
@ApplicationScoped
public class FailedAttempts {

    static final int PAIR_FAILURES = 5;
    static final int ADDRESS_FAILURES = 20;
    static final int IDENTITY_FAILURES = 100;
    static final int KNOWN_DAYS = 30;
    private static final int MAX_KEYS = 100_000;

    private final Backoff pairs;
    private final Backoff addresses;
    private final Backoff identities;
    private final KnownAddresses known;

    public FailedAttempts() {
        this(Clock.systemUTC());
    }

    FailedAttempts(Clock clock) {
        pairs = new Backoff(clock, PAIR_FAILURES, Duration.ofSeconds(1), Duration.ofMinutes(5), MAX_KEYS);
        addresses = new Backoff(clock, ADDRESS_FAILURES, Duration.ofSeconds(1), Duration.ofHours(1), MAX_KEYS);
        identities = new Backoff(clock, IDENTITY_FAILURES, Duration.ofSeconds(1), Duration.ofMinutes(5), MAX_KEYS);
        known = new KnownAddresses(clock, Duration.ofDays(KNOWN_DAYS), MAX_KEYS);
    }

    /**
     * How long checks for this identity from this address are still refused; zero when they are allowed.
     *
     * @param identity {@code null} for checks that name no identity (e.g. API tokens): only the address counts
     */
    public Duration blockedFor(String identity, String address) {
        if (identity == null) {
            return addresses.blockedFor(address);
        }
        Duration pair = pairs.blockedFor(pair(identity, address));
        if (known.contains(pair(identity, address))) {
            return pair;
        }
        return longest(pair, longest(addresses.blockedFor(address), identities.blockedFor(identity)));
    }

    public void failed(String identity, String address) {
        if (identity != null) {
            pairs.failed(pair(identity, address));
            identities.failed(identity);
        }
        addresses.failed(address);
    }

    /** The identity got in from this address: its count there starts again, and the address is now known. */
    public void succeeded(String identity, String address) {
        pairs.forget(pair(identity, address));
        known.remember(pair(identity, address));
    }

    private static String pair(String identity, String address) {
        return identity + "@" + address;
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
