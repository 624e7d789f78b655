package io.devicehub.api.security;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/** Reads the token out of an {@code Authorization} header (RFC 6750 section 2.1: {@code Bearer <token>}). */
final class BearerCredentials {

    private static final String SCHEME = "bearer ";

    private BearerCredentials() {
    }

    /**
     * @param authorization every {@code Authorization} header of the request
     * @return the token
     * @throws RepeatedAuthorizationException when there is more than one header
     * @throws NotAuthenticatedException      when the header is absent, or not a bearer token
     */
    static String fromHeaders(Enumeration<String> authorization) {
        List<String> headers = authorization == null ? List.of() : Collections.list(authorization);
        if (headers.size() > 1) {
            throw new RepeatedAuthorizationException(headers.size());
        }
        return token(headers.isEmpty() ? null : headers.get(0));
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
