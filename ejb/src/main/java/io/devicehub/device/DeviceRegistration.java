package io.devicehub.device;

import io.devicehub.credential.Secret;

/** What a new device is registered with. The credential is hashed at once and never kept in plain. */
public record DeviceRegistration(
        @DeviceIdentifier String identifier,
        @DeviceDescription String description,
        @Secret String credential) {

    @Override
    public String toString() {
        return "DeviceRegistration[identifier=" + identifier + ", description=" + description
                + ", credential=<hidden>]";
    }
}
