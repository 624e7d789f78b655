package io.devicehub.protocol;

import jakarta.websocket.CloseReason;

import java.nio.charset.StandardCharsets;

/** The close codes of docs/protocol.md, and close reasons that fit the protocol's 123-byte limit. */
public final class CloseCodes {

    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int UNSUPPORTED_DATA = 1003;
    public static final int POLICY_VIOLATION = 1008;
    public static final int TOO_BIG = 1009;
    public static final int UNEXPECTED_CONDITION = 1011;
    public static final int TRY_AGAIN_LATER = 1013;
    public static final int UNAUTHORIZED = 4401;
    public static final int TIMEOUT = 4408;
    public static final int REPLACED = 4409;
    public static final int REVOKED = 4410;
    public static final int TOO_MANY = 4429;

    private CloseCodes() {
    }

    public static CloseReason reason(int code, String phrase) {
        byte[] bytes = phrase.getBytes(StandardCharsets.UTF_8);
        String fitting = bytes.length <= 123 ? phrase : new String(bytes, 0, 123, StandardCharsets.UTF_8);
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), fitting);
    }
}
