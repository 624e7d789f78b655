package io.devicehub.session;

import io.devicehub.common.DeviceHubException;

/** The device answered the call with an error; the message is the device's own. */
public class DeviceCallFailedException extends DeviceHubException {

    public DeviceCallFailedException(String message) {
        super(message);
    }
}
