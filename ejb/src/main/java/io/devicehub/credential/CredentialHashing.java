package io.devicehub.credential;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Hashes and verifies passwords and device credentials with Jakarta Security's {@link Pbkdf2PasswordHash}:
 * PBKDF2-HMAC-SHA256, a 32-byte salt from a secure PRNG, a 32-byte key, and at least 600,000 iterations (OWASP's
 * figure for this algorithm; the built-in default of 2,048 is far too low).
 * <p>
 * A stored hash reads {@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>}, so {@link #isOutdated(String)} can tell
 * a hash made with a lower cost than today's, and callers re-hash it once they hold the plain value again.
 * <p>
 * Plain values are never logged, stored or kept beyond the call.
 */
@ApplicationScoped
public class CredentialHashing {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int RECOMMENDED_ITERATIONS = 600_000;

    private static final Logger LOG = Logger.getLogger(CredentialHashing.class.getName());
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "devicehub.credentials.iterations", defaultValue = "600000")
    int iterations;

    /** Verified against when there is nothing to verify, so that "no such user" costs as much as a wrong password. */
    private String decoy;

    @PostConstruct
    void configure() {
        if (iterations < RECOMMENDED_ITERATIONS) {
            LOG.warning(() -> "devicehub.credentials.iterations=" + iterations + " is below the recommended "
                    + RECOMMENDED_ITERATIONS + "; credentials hashed now are easier to crack");
        }
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", Integer.toString(SALT_BYTES),
                "Pbkdf2PasswordHash.KeySizeBytes", Integer.toString(KEY_BYTES)));
        decoy = hash(RandomCredential.generate());
    }

    /** A new salted hash of {@code plain}, in the stored form. */
    public String hash(String plain) {
        return pbkdf2.generate(plain.toCharArray());
    }

    /**
     * Whether {@code plain} matches {@code stored}. With no stored hash it still does the full work and answers
     * {@code false}, so that timing does not tell whether an account or device exists.
     */
    public boolean verify(String plain, String stored) {
        if (stored == null || plain == null) {
            pbkdf2.verify("-".toCharArray(), decoy);
            return false;
        }
        return pbkdf2.verify(plain.toCharArray(), stored);
    }

    /** Whether {@code stored} was made with another algorithm or fewer iterations than configured now. */
    public boolean isOutdated(String stored) {
        return StoredHash.parse(stored).isWeakerThan(ALGORITHM, iterations, SALT_BYTES);
    }
}
