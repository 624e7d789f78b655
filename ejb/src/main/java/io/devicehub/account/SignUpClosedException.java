package io.devicehub.account;

import io.devicehub.common.DeviceHubException;

/** Sign-up is turned off on this server ({@code devicehub.signup.enabled=false}); an administrator adds accounts. */
public class SignUpClosedException extends DeviceHubException {

    public SignUpClosedException() {
        super("Sign-up is closed on this server. Ask its administrator for an account.");
    }
}
