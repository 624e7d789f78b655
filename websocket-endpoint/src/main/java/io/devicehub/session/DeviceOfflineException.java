package io.devicehub.session;

import io.devicehub.common.DeviceHubException;

/** The device is not connected, or its connection ended while the call was waiting. */
public class DeviceOfflineException extends DeviceHubException {

    public DeviceOfflineException(String message) {
        super(message);
    }
}
