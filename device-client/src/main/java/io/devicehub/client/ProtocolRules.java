package io.devicehub.client;

import java.util.regex.Pattern;

/**
 * The protocol's rules for names and texts, checked on the device so that a firmware mistake fails at start-up with
 * a clear message instead of as an {@code invalid-description} answer from the server at run time.
 */
final class ProtocolRules {

    static final int MAX_RESOURCES = 100;
    static final int MAX_DESCRIPTION = 255;
    static final int DEFAULT_MAX_FRAME_BYTES = 65_536;

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_ECHO = 70;

    private ProtocolRules() {
    }

    static String device(String identifier) {
        return matching("device identifier", identifier, DEVICE, "1 to 32 of A-Z a-z 0-9 _ -");
    }

    static String resource(String name) {
        return matching("resource name", name, RESOURCE, "1 to 64 of A-Z a-z 0-9 _ - .");
    }

    static String bucket(String name) {
        return matching("bucket name", name, BUCKET, "1 to 64 of A-Z a-z 0-9 _ -");
    }

    static String description(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a description must not be null");
        }
        // length() counts UTF-16 units, never fewer than characters, so this is safe whichever the server counts.
        if (text.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException(
                    "a description holds at most " + MAX_DESCRIPTION + " characters, not " + text.length());
        }
        return text;
    }

    static String account(String account) {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("the account (a username) must not be empty");
        }
        return account;
    }

    static String credential(String credential) {
        // Never echo the value: this message may end up in a log.
        if (credential == null || credential.isEmpty()) {
            throw new IllegalArgumentException("the credential must not be empty");
        }
        return credential;
    }

    private static String matching(String what, String value, Pattern pattern, String rule) {
        if (value == null) {
            throw new IllegalArgumentException("a " + what + " must not be null");
        }
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("a " + what + " must be " + rule + ", not " + quoted(value));
        }
        return value;
    }

    private static String quoted(String value) {
        String shown = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "…" : value;
        return "'" + shown + "' (" + value.length() + " characters)";
    }
}
