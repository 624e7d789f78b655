package io.devicehub.bucket;

import io.devicehub.common.DeviceHubException;

import java.time.Duration;

/** Writes arrive faster than they can be stored (or timestamped); nothing of this one was stored. Retry later. */
public class SlowDownException extends DeviceHubException {

    public SlowDownException(String message) {
        super(message);
    }

    /** How long to wait before trying again. */
    public Duration retryAfter() {
        return Duration.ofSeconds(1);
    }
}
