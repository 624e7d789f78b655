package io.devicehub.credential;

import io.devicehub.common.DeviceHubException;

import java.time.Duration;

/** Too many failed sign-ins for this account or device, or from this address; the next attempt is allowed after a while. */
public class TooManyAttemptsException extends DeviceHubException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many failed attempts. Try again in " + inWords(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds, rounded up and at least 1: what {@code Retry-After} and {@code retryAfter} say. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    /** "1 second", "8 seconds": the wait as {@link #retryAfterSeconds()} counts it. */
    public static String inWords(Duration wait) {
        long seconds = seconds(wait);
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
