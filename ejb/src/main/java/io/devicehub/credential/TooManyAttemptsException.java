package io.devicehub.credential;

import io.devicehub.common.DeviceHubException;

import java.time.Duration;

/** Too many failed sign-ins for this account or device, or from this address; the next attempt is allowed after a while. */
public class TooManyAttemptsException extends DeviceHubException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many failed attempts. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
