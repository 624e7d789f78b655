package io.devicehub.token;

/**
 * The two kinds of token, told apart by their prefix so that a leaked one says what it is. Both start with
 * {@code dh_}, which secret scanners can look for.
 */
public enum TokenKind {
    /** A named account API token, created in the console or through the API; lives until it expires or is revoked. */
    API("dh_pat_"),
    /** A short-lived access token issued for a username and password ({@code POST /api/v1/auth/token}). */
    ACCESS("dh_at_");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
