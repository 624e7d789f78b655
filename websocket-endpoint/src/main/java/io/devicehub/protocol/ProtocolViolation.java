package io.devicehub.protocol;

/**
 * A message broke a rule of the protocol. The {@link #code()} is the error code sent back to the device (see
 * docs/protocol.md), the message says what exactly was wrong.
 */
public class ProtocolViolation extends Exception {

    private final String code;

    public ProtocolViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
