package io.devicehub.credential;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A secret key of this server that is never stored in the database, used to keep keyed HMACs of device credentials
 * so that a reconnecting device is checked in microseconds rather than with a 140 ms PBKDF2 computation. Whoever
 * reads the database alone learns nothing from those HMACs.
 * <p>
 * The key comes from {@code devicehub.server-key} (base64, at least 32 bytes; environment variable
 * {@code DEVICEHUB_SERVER_KEY}, which several servers sharing one database must all be given) or else from the file
 * {@code devicehub.server-key.file}, created with 32 random bytes, readable only by its owner, on first start.
 * Each HMAC records the key's id, so a changed key only costs one full check per device.
 */
@ApplicationScoped
public class ServerKey {

    private static final Logger LOG = Logger.getLogger(ServerKey.class.getName());
    private static final String ALGORITHM = "HmacSHA256";

    /** What comparing a presented secret with a stored HMAC tells. */
    public enum Match {
        /** Made from the same secret with the current key. */
        SAME,
        /** Made with the current key from another secret. */
        DIFFERENT,
        /** Missing, or made with another key: only a full check can tell. */
        UNKNOWN
    }

    @Inject
    @ConfigProperty(name = "devicehub.server-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "devicehub.server-key.file")
    String keyFile;

    private SecretKeySpec key;
    private String keyId;

    @PostConstruct
    void load() {
        byte[] secret = configuredKey.filter(k -> !k.isBlank())
                .map(k -> Base64.getDecoder().decode(k.strip()))
                .orElseGet(() -> readOrCreate(Path.of(keyFile)));
        if (secret.length < 32) {
            throw new IllegalStateException("The server key must be at least 32 bytes");
        }
        key = new SecretKeySpec(secret, ALGORITHM);
        try {
            keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored form {@code <key id>:<base64 HMAC>} of {@code secret} in {@code context}. */
    public String mac(String context, String secret) {
        return keyId + ":" + Base64.getEncoder().encodeToString(hmac(context, secret));
    }

    /** Compares in constant time; the HMAC is computed even when there is nothing to compare it with. */
    public Match compare(String stored, String context, String secret) {
        byte[] presented = hmac(context, secret == null ? "" : secret);
        if (stored == null || !stored.startsWith(keyId + ":")) {
            return Match.UNKNOWN;
        }
        byte[] expected = Base64.getDecoder().decode(stored.substring(keyId.length() + 1));
        return MessageDigest.isEqual(expected, presented) ? Match.SAME : Match.DIFFERENT;
    }

    private byte[] hmac(String context, String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException anotherNodeWasFaster) {
                    return Base64.getDecoder().decode(Files.readString(file).strip());
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                LOG.info(() -> "Created the server key " + file.toAbsolutePath() + " (losing it costs each device one full credential check)");
                return fresh;
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the server key " + file.toAbsolutePath(), e);
        }
    }
}
