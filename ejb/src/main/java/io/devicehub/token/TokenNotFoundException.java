package io.devicehub.token;

import io.devicehub.common.NotFoundException;

/** No API token with this id among the caller's (another account's token is "not found" too). */
public class TokenNotFoundException extends NotFoundException {

    public TokenNotFoundException(String id) {
        super("No API token " + id + " in your account.");
    }
}
