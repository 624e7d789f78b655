package io.devicehub.token;

import io.devicehub.device.DeviceDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens checked in the last {@value #SECONDS} seconds, by the SHA-256 of their secret (never the secret itself), so
 * that a script calling the API many times a second costs one database look-up per half minute instead of one per
 * request (measured: a third of the server's CPU per relayed call, docs/benchmarks.md).
 * <p>
 * Revoking a token, or deleting a device (which deletes the tokens limited to it), empties the cache on this server
 * at once. Servers sharing a database each keep their own cache: there a revoked token stops working within
 * {@value #SECONDS} seconds. An expiring token is checked against its expiry on every use.
 */
@ApplicationScoped
public class TokenCache {

    static final int SECONDS = 30;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(AuthenticatedToken token, Instant checkedAt) {
    }

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();

    /** The token with this secret, if it was found valid less than {@value #SECONDS} seconds ago and is still. */
    public Optional<AuthenticatedToken> find(String secret, Instant now) {
        if (secret == null || TokenSecret.recognise(secret).isEmpty()) {
            return Optional.empty();
        }
        String hash = TokenSecret.hash(secret);
        Entry entry = byHash.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        Instant expires = entry.token().expiresAt();
        if (entry.checkedAt().plus(Duration.ofSeconds(SECONDS)).isBefore(now)
                || expires != null && !expires.isAfter(now)) {
            byHash.remove(hash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    void remember(String secret, AuthenticatedToken token, Instant now) {
        if (byHash.size() >= MAX_ENTRIES) {
            byHash.clear(); // rare: many distinct tokens in half a minute; they are simply looked up again
        }
        byHash.put(TokenSecret.hash(secret), new Entry(token, now));
    }

    private void forgetAll() {
        byHash.clear();
    }

    void tokenRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenRevoked revoked) {
        forgetAll();
    }

    void deviceDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceDeleted deleted) {
        forgetAll();
    }
}
