package io.devicehub.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The format of token secrets and how they are stored.
 * <p>
 * A token reads {@code <prefix><32 random base62 characters><6-character checksum>}, e.g.
 * {@code dh_pat_4Fq9…}: the prefix ({@code dh_pat_} or {@code dh_at_}) makes a leaked token recognisable to secret
 * scanners and to people, and the CRC32 checksum of prefix and random part lets a scanner (and this server) tell a
 * real token from a look-alike without asking the database. The random part carries about 190 bits from a secure
 * PRNG.
 * <p>
 * A token is stored as its SHA-256 hash only. A fast, unsalted hash is right here and wrong for passwords: a
 * password is chosen by a person and is guessable, so its hash must be salted and slow (PBKDF2) to make each guess
 * expensive; a token has 190 random bits, so nobody can guess it however fast each guess is, and its hash can serve
 * as the look-up key (a salt would need the row first). Checking a token thus costs one indexed query instead of
 * ~140 ms of PBKDF2 on every request, and whoever reads the database learns nothing usable.
 */
public final class TokenSecret {

    /** The regular expression a secret scanner can use: {@value}. */
    public static final String PATTERN = "dh_(pat|at)_[0-9A-Za-z]{38}";

    static final int RANDOM_CHARACTERS = 32;
    static final int CHECKSUM_CHARACTERS = 6;
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {
    }

    /** A new secret of this kind. */
    public static String generate(TokenKind kind) {
        char[] random = new char[RANDOM_CHARACTERS];
        for (int i = 0; i < random.length; i++) {
            random[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        String body = kind.prefix() + new String(random);
        return body + checksum(body);
    }

    /**
     * The kind of a well-formed secret: right prefix, length, characters and checksum. Empty for anything else,
     * which is then not worth a database query.
     */
    public static Optional<TokenKind> recognise(String secret) {
        if (secret == null) {
            return Optional.empty();
        }
        return Arrays.stream(TokenKind.values())
                .filter(kind -> secret.startsWith(kind.prefix()))
                .filter(kind -> secret.length() == kind.prefix().length() + RANDOM_CHARACTERS + CHECKSUM_CHARACTERS)
                .filter(kind -> isBase62(secret.substring(kind.prefix().length())))
                .filter(kind -> {
                    int split = secret.length() - CHECKSUM_CHARACTERS;
                    return checksum(secret.substring(0, split)).equals(secret.substring(split));
                })
                .findFirst();
    }

    /** The stored form: SHA-256 of the whole secret, in lower-case hex (64 characters). */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * What lists show so that people can tell their tokens apart: the prefix and the first four random characters,
     * e.g. {@code dh_pat_4Fq9…}. It gives away 24 of 190 bits.
     */
    public static String hint(String secret) {
        int prefix = secret.indexOf('_', 3) + 1;
        return secret.substring(0, prefix + 4) + "…";
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_CHARACTERS];
        for (int i = digits.length - 1; i >= 0; i--) {
            digits[i] = BASE62[(int) (value % BASE62.length)];
            value /= BASE62.length;
        }
        return new String(digits);
    }

    private static boolean isBase62(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
