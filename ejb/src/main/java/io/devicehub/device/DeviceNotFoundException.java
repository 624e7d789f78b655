package io.devicehub.device;

import io.devicehub.common.NotFoundException;

/** No device with this identifier among the caller's devices (it may exist in another account: we do not say). */
public class DeviceNotFoundException extends NotFoundException {

    public DeviceNotFoundException(String identifier) {
        super("No device '" + identifier + "' in your account.");
    }
}
