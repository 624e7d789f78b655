package io.devicehub.session;

import io.devicehub.common.DeviceHubException;

/**
 * The device answered a call in a way the protocol does not allow: an answer that is not readable JSON, or an
 * {@code output} resource's result without an output. The call fails at once; the message says what was wrong.
 */
public class InvalidAnswerException extends DeviceHubException {

    public InvalidAnswerException(String message) {
        super(message);
    }
}
