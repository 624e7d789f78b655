package io.devicehub.credential;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredHashTest {

    private static final String SALT_32 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String SALT_16 = Base64.getEncoder().encodeToString(new byte[16]);

    @Test
    void readsTheParametersRecordedWithAHash() {
        StoredHash hash = StoredHash.parse("PBKDF2WithHmacSHA256:600000:" + SALT_32 + ":AAAA");
        assertEquals(new StoredHash("PBKDF2WithHmacSHA256", 600_000, 32), hash);
    }

    @Test
    void aHashIsOutdatedWhenAnyParameterIsWeakerThanToday() {
        String current = "PBKDF2WithHmacSHA256:600000:" + SALT_32 + ":AAAA";
        assertFalse(StoredHash.parse(current).isWeakerThan("PBKDF2WithHmacSHA256", 600_000, 32));
        assertTrue(StoredHash.parse(current).isWeakerThan("PBKDF2WithHmacSHA256", 700_000, 32));
        assertTrue(StoredHash.parse("PBKDF2WithHmacSHA256:2048:" + SALT_32 + ":AAAA")
                .isWeakerThan("PBKDF2WithHmacSHA256", 600_000, 32));
        assertTrue(StoredHash.parse("PBKDF2WithHmacSHA256:600000:" + SALT_16 + ":AAAA")
                .isWeakerThan("PBKDF2WithHmacSHA256", 600_000, 32));
        assertTrue(StoredHash.parse("PBKDF2WithHmacSHA1:600000:" + SALT_32 + ":AAAA")
                .isWeakerThan("PBKDF2WithHmacSHA256", 600_000, 32));
    }

    @Test
    void somethingThatIsNotAHashIsAlwaysOutdated() {
        assertTrue(StoredHash.parse("plain text").isWeakerThan("PBKDF2WithHmacSHA256", 1, 0));
        assertTrue(StoredHash.parse("a:b:c:d").isWeakerThan("PBKDF2WithHmacSHA256", 1, 0));
    }
}
