package io.devicehub.bench.seed;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PBKDF2 hash in the stored form of Jakarta Security's {@code Pbkdf2PasswordHash}, which the server verifies
 * passwords and device credentials with: {@code PBKDF2WithHmacSHA256:<iterations>:<base64 salt>:<base64 hash>},
 * with a 32-byte salt and a 32-byte key like the server's {@code CredentialHashing}.
 */
public final class PasswordHash {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int SALT_BYTES = 32;
    static final int KEY_BYTES = 32;

    private PasswordHash() {
    }

    public static String of(String plain, int iterations, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec(plain.toCharArray(), salt, iterations, KEY_BYTES * 8);
        try {
            byte[] hash = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return ALGORITHM + ":" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }
}
