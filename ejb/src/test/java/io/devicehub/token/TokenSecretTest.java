package io.devicehub.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token format: recognisable, self-checking, random, and stored only as a hash. */
class TokenSecretTest {

    @ParameterizedTest
    @EnumSource(TokenKind.class)
    void aTokenStartsWithItsKindsPrefixAndMatchesTheScannerPattern(TokenKind kind) {
        String secret = TokenSecret.generate(kind);

        assertTrue(secret.startsWith(kind.prefix()), secret);
        assertTrue(secret.startsWith("dh_"), secret);
        assertTrue(secret.matches(TokenSecret.PATTERN), secret);
        assertEquals(Optional.of(kind), TokenSecret.recognise(secret));
    }

    @Test
    void apiAndAccessTokensHaveTheirOwnPrefixes() {
        assertEquals("dh_pat_", TokenKind.API.prefix());
        assertEquals("dh_at_", TokenKind.ACCESS.prefix());
        assertEquals(45, TokenSecret.generate(TokenKind.API).length());
        assertEquals(44, TokenSecret.generate(TokenKind.ACCESS).length());
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(TokenSecret.generate(TokenKind.API)));
        }
    }

    @Test
    void anyChangedCharacterBreaksTheChecksum() {
        String secret = TokenSecret.generate(TokenKind.API);
        for (int i = TokenKind.API.prefix().length(); i < secret.length(); i++) {
            char original = secret.charAt(i);
            char other = original == 'a' ? 'b' : 'a';
            String changed = secret.substring(0, i) + other + secret.substring(i + 1);
            assertEquals(Optional.empty(), TokenSecret.recognise(changed), "changed at " + i);
        }
    }

    @Test
    void aTokenOfOneKindCannotBeRelabelledAsTheOther() {
        String access = TokenSecret.generate(TokenKind.ACCESS);
        String relabelled = "dh_pat_" + access.substring("dh_at_".length()) + "0";
        assertEquals(Optional.empty(), TokenSecret.recognise(relabelled));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dh_", "dh_pat_", "Bearer dh_pat_x", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB",
            "dh_pat_0123456789abcdefghijklmnopqrstuv-+/=00", "dh_xyz_0123456789abcdefghijklmnopqrstuv000000"})
    void lookAlikesAreNotRecognised(String candidate) {
        assertEquals(Optional.empty(), TokenSecret.recognise(candidate));
    }

    @Test
    void nothingIsNotAToken() {
        assertEquals(Optional.empty(), TokenSecret.recognise(null));
    }

    @Test
    void theStoredHashIsSha256HexAndRevealsNothingOfTheToken() {
        String secret = TokenSecret.generate(TokenKind.API);
        String hash = TokenSecret.hash(secret);

        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, TokenSecret.hash(secret), "the same token always finds its row");
        assertNotEquals(hash, TokenSecret.hash(TokenSecret.generate(TokenKind.API)));
        assertFalse(hash.contains(secret.substring(7, 15)));
        // A known SHA-256 value, so that the algorithm cannot silently change and orphan every stored token.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecret.hash("abc"));
    }

    @Test
    void theHintShowsThePrefixAndFourCharacters() {
        String secret = TokenSecret.generate(TokenKind.API);
        assertEquals(secret.substring(0, 11) + "…", TokenSecret.hint(secret));
        String access = TokenSecret.generate(TokenKind.ACCESS);
        assertEquals(access.substring(0, 10) + "…", TokenSecret.hint(access));
    }
}
