package io.devicehub.bucket;

import io.devicehub.common.DeviceHubException;

/**
 * The bucket exists but does not take this write: it is disabled, or its records come from another source, or the
 * writing device is not one of its writers. Nothing was stored.
 */
public class WriteRefusedException extends DeviceHubException {

    /** Why, for codes and statuses: each has its own answer. */
    public enum Reason {
        DISABLED, OTHER_SOURCE, NOT_A_WRITER
    }

    private final Reason reason;

    public WriteRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
