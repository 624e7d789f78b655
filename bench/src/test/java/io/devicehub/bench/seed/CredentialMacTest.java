package io.devicehub.bench.seed;

import io.devicehub.credential.ServerKey;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CredentialMacTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void theSeededHmacIsByteForByteTheOneTheServerStores() throws Exception {
        ServerKey server = ProductServerKey.of(KEY);

        assertEquals(server.mac("device-credential:42", "k3Qm9TzX2fLw8RbV5nYc1HdP"),
                new CredentialMac(KEY).of(42, "k3Qm9TzX2fLw8RbV5nYc1HdP"));
    }

    @Test
    void theServerTakesItForTheQuickPathForThatDeviceAndCredentialOnly() throws Exception {
        ServerKey server = ProductServerKey.of(KEY);
        String seeded = new CredentialMac(KEY).of(7, "the-shared-credential");

        assertEquals(ServerKey.Match.SAME, server.compare(seeded, "device-credential:7", "the-shared-credential"));
        assertEquals(ServerKey.Match.DIFFERENT, server.compare(seeded, "device-credential:8", "the-shared-credential"));
        assertEquals(ServerKey.Match.DIFFERENT, server.compare(seeded, "device-credential:7", "another-credential"));
    }

    @Test
    void anHmacUnderAnotherKeyWouldCostAFullCheck() throws Exception {
        String otherKey = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
        String seeded = new CredentialMac(otherKey).of(7, "the-shared-credential");

        assertNotEquals(KEY, otherKey);
        assertEquals(ServerKey.Match.UNKNOWN,
                ProductServerKey.of(KEY).compare(seeded, "device-credential:7", "the-shared-credential"));
    }

    @Test
    void aKeyShorterThanTheServerAcceptsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new CredentialMac(Base64.getEncoder().encodeToString(new byte[16])));
    }
}
