package io.devicehub.api.devices;

import io.devicehub.api.json.JsonInput;
import io.devicehub.credential.RandomCredential;

/**
 * The credential members shared by registering and re-keying a device: {@code credential} (the device's own) or
 * {@code generate: true} (DeviceHub makes one and answers it once), never both.
 */
record Credentials(String given, boolean generate) {

    static Credentials from(JsonInput input) {
        String credential = input.string("credential");
        boolean generate = Boolean.TRUE.equals(input.bool("generate"));
        if (generate && credential != null) {
            input.error("credential", "must be left out when generate is true");
        }
        return new Credentials(credential, generate);
    }

    /** The credential to store: the given one, or a new random one. */
    String resolve() {
        return generate ? RandomCredential.generate() : given;
    }

    @Override
    public String toString() {
        return "Credentials[given=<hidden>, generate=" + generate + "]";
    }
}
