package io.devicehub.bench.seed;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashTest {

    /** Few iterations keep the test fast; the format and the verification do not depend on the count. */
    private static final int ITERATIONS = 2_000;

    @Test
    void aSeededHashVerifiesWithJakartaSecuritysPbkdf2AsTheServerVerifiesIt() {
        String stored = PasswordHash.of("correct horse battery staple", ITERATIONS, new SecureRandom());

        Pbkdf2PasswordHashImpl soteria = new Pbkdf2PasswordHashImpl();
        soteria.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "600000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        assertTrue(soteria.verify("correct horse battery staple".toCharArray(), stored));
        assertFalse(soteria.verify("correct horse battery stapler".toCharArray(), stored));
    }

    @Test
    void theStoredFormCarriesTheServersParameters() {
        String[] parts = PasswordHash.of("x".repeat(12), ITERATIONS, new SecureRandom()).split(":");

        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals(Integer.toString(ITERATIONS), parts[1]);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "key bytes");
    }

    @Test
    void everyHashHasItsOwnSalt() {
        SecureRandom random = new SecureRandom();
        assertNotEquals(PasswordHash.of("same", ITERATIONS, random), PasswordHash.of("same", ITERATIONS, random));
    }
}
