package io.devicehub.protocol;

/**
 * A message broke a rule of the protocol. The {@link #code()} is the error code sent back to the device (see
 * docs/protocol.md), the message says what exactly was wrong.
 */
public class ProtocolViolation extends Exception {

    private final String code;
    private final String id;

    public ProtocolViolation(String code, String message) {
        this(code, message, null);
    }

    /**
     * @param id the id the broken message carried, when it can still be told: the call an unreadable answer was
     *           for, or a data message's own id; the error sent back repeats it
     */
    public ProtocolViolation(String code, String message, String id) {
        super(message);
        this.code = code;
        this.id = id;
    }

    public String code() {
        return code;
    }

    /** The id the broken message carried, or {@code null}. */
    public String id() {
        return id;
    }
}
