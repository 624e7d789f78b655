package io.devicehub.token;

/**
 * A token that was just created, with its secret. This is the only time the secret exists outside the caller's
 * hands: show it once, never store or log it.
 */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + token.getId() + ", secret=<hidden>]";
    }
}
