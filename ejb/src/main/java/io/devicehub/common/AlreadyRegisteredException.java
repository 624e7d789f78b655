package io.devicehub.common;

/** A unique value (a device identifier, a username, an email address) is already taken; nothing was changed. */
public class AlreadyRegisteredException extends DeviceHubException {

    private final String field;

    public AlreadyRegisteredException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field whose value is taken, e.g. {@code identifier}. */
    public String field() {
        return field;
    }
}
