package io.devicehub.token;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A token's status over its life, and what it keeps of the secret. */
class ApiTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aTokenIsActiveUntilItExpiresAndRevokedOnceRevoked() {
        ApiToken token = token(NOW.plusSeconds(60));

        assertEquals(ApiToken.Status.ACTIVE, token.status(NOW));
        assertEquals(ApiToken.Status.ACTIVE, token.status(NOW.plusSeconds(59)));
        assertEquals(ApiToken.Status.EXPIRED, token.status(NOW.plusSeconds(60)));

        token.revoke(NOW.plusSeconds(10));
        assertEquals(ApiToken.Status.REVOKED, token.status(NOW.plusSeconds(11)));
        token.revoke(NOW.plusSeconds(20));
        assertEquals(NOW.plusSeconds(10), token.getRevokedAt(), "the first revocation is the one remembered");
    }

    @Test
    void withoutAnExpiryATokenLastsUntilRevoked() {
        ApiToken token = token(null);
        assertEquals(ApiToken.Status.ACTIVE, token.status(NOW.plusSeconds(10L * 365 * 24 * 3600)));
        assertNull(token.getExpiresAt());
    }

    @Test
    void itKeepsTheHashAndAHintButNeverTheSecret() {
        String secret = TokenSecret.generate(TokenKind.API);
        ApiToken token = new ApiToken(1, TokenKind.API, "ci", secret, Set.of(Scope.DEVICES_READ), 7L, "led",
                Set.of("on", "off"), NOW, null);

        assertEquals(TokenSecret.hash(secret), token.tokenHash());
        assertEquals(TokenSecret.hint(secret), token.getHint());
        assertFalse(token.tokenHash().contains(secret));
        assertEquals(Set.of("on", "off"), token.getResources());
        assertEquals("led", token.getDevice());
        assertEquals(Set.of(Scope.DEVICES_READ), token.getScopes());
    }

    private static ApiToken token(Instant expiresAt) {
        return new ApiToken(1, TokenKind.API, "test", TokenSecret.generate(TokenKind.API), Set.of(Scope.DEVICES_READ),
                null, null, Set.of(), NOW, expiresAt);
    }
}
