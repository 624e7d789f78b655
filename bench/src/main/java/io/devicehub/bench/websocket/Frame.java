package io.devicehub.bench.websocket;

import java.nio.charset.StandardCharsets;

/** One frame received from the server, unmasked. */
public record Frame(boolean fin, int opcode, byte[] payload) {

    /** The status code of a close frame; 1005 (no status) when it carries none. */
    public int closeCode() {
        return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
    }

    /** The reason of a close frame, possibly empty. */
    public String closeReason() {
        return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
    }
}
