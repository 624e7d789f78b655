package io.devicehub.bench.seed;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The keyed HMAC the server keeps of a device credential (its {@code ServerKey}): {@code <key id>:<base64 HMAC>},
 * where the key id is the first 4 bytes of SHA-256 of the key in hex, and the HMAC-SHA256 covers the UTF-8 of
 * {@code device-credential:<device id>}, one zero byte, then the credential. A device whose stored HMAC has the
 * current key id is checked by this HMAC alone: the quick path.
 */
public final class CredentialMac {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String keyId;

    /** @param base64Key the server key as {@code DEVICEHUB_SERVER_KEY} holds it: base64 of at least 32 bytes */
    public CredentialMac(String base64Key) {
        byte[] secret = Base64.getDecoder().decode(base64Key.strip());
        if (secret.length < 32) {
            throw new IllegalArgumentException("the server key must be at least 32 bytes, as the server requires");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        try {
            this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String of(long deviceId, String credential) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(("device-credential:" + deviceId).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return keyId + ":" + Base64.getEncoder().encodeToString(mac.doFinal(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
