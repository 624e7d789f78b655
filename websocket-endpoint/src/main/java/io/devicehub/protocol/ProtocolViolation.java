package io.devicehub.protocol;

/**
 * A message broke a rule of the protocol. The {@link #code()} is the error code sent back to the device (see
 * docs/protocol.md), the message says what exactly was wrong.
 */
public class ProtocolViolation extends Exception {

    private final String code;
    private final String answeredCall;

    public ProtocolViolation(String code, String message) {
        this(code, message, null);
    }

    /** @param answeredCall the id of the call an unreadable answer was for, when it can still be told */
    public ProtocolViolation(String code, String message, String answeredCall) {
        super(message);
        this.code = code;
        this.answeredCall = answeredCall;
    }

    public String code() {
        return code;
    }

    /** The call the broken message answered, or {@code null}. */
    public String answeredCall() {
        return answeredCall;
    }
}
