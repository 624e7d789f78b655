package io.devicehub.common;

/**
 * What was asked for does not exist for this caller. Another account's device is "not found" too: DeviceHub never
 * reveals that it exists.
 */
public class NotFoundException extends DeviceHubException {

    public NotFoundException(String message) {
        super(message);
    }
}
