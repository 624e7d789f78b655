package io.devicehub.credential;

import java.security.SecureRandom;

/**
 * Strong random credentials for devices: 24 characters drawn from 62 letters and digits by a secure PRNG, about 143
 * bits of entropy, and nothing that needs escaping in a device's firmware or a shell.
 */
public final class RandomCredential {

    public static final int LENGTH = 24;

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomCredential() {
    }

    public static String generate() {
        char[] credential = new char[LENGTH];
        for (int i = 0; i < credential.length; i++) {
            credential[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(credential);
    }
}
