package io.devicehub.session;

import io.devicehub.common.DeviceHubException;

/** The device did not describe a resource of this name. */
public class UnknownResourceException extends DeviceHubException {

    public UnknownResourceException(String message) {
        super(message);
    }
}
