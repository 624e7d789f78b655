package io.devicehub.session;

import io.devicehub.common.DeviceHubException;

/** The device has too many calls waiting, or reads too slowly to be sent more. */
public class DeviceBusyException extends DeviceHubException {

    public DeviceBusyException(String message) {
        super(message);
    }
}
