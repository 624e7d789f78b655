package io.devicehub.api.security;

import java.util.Locale;

/** Reads the token out of an {@code Authorization} header (RFC 6750 section 2.1: {@code Bearer <token>}). */
final class BearerCredentials {

    private static final String SCHEME = "bearer ";

    private BearerCredentials() {
    }

    /**
     * @return the token
     * @throws NotAuthenticatedException when the header is absent, or not a bearer token
     */
    static String token(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw NotAuthenticatedException.missing();
        }
        String header = authorization.strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw NotAuthenticatedException.malformed();
        }
        String token = header.substring(SCHEME.length()).strip();
        if (token.isEmpty() || token.contains(" ")) {
            throw NotAuthenticatedException.malformed();
        }
        return token;
    }
}
