package io.devicehub.session;

import io.devicehub.common.DeviceHubException;

/** As many fleet calls as the server runs at once are running; the caller may retry in a moment. */
public class FleetCallsBusyException extends DeviceHubException {

    public FleetCallsBusyException(String message) {
        super(message);
    }
}
