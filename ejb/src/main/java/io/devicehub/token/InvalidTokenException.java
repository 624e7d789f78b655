package io.devicehub.token;

import io.devicehub.common.DeviceHubException;

/**
 * A presented token does not let anyone in. The holder of a real token may learn that it expired or was revoked
 * (they hold the secret already); anything else is just "not valid".
 */
public class InvalidTokenException extends DeviceHubException {

    /** Why the token was refused. */
    public enum Reason {
        MALFORMED("The token is not a DeviceHub token."),
        UNKNOWN("The token is not valid."),
        EXPIRED("The token has expired."),
        REVOKED("The token has been revoked.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
