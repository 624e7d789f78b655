package io.devicehub.token;

import io.devicehub.common.DeviceHubException;

/** A username and password did not match; which of the two was wrong is never said. */
public class InvalidCredentialsException extends DeviceHubException {

    public InvalidCredentialsException() {
        super("Invalid username or password.");
    }
}
