package io.devicehub.session;

import io.devicehub.common.DeviceHubException;

/** The device did not answer within the call's timeout. */
public class CallTimeoutException extends DeviceHubException {

    public CallTimeoutException(String message) {
        super(message);
    }
}
