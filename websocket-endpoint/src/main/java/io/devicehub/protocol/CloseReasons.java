package io.devicehub.protocol;

import jakarta.websocket.CloseReason;

import java.nio.charset.StandardCharsets;

/**
 * Close reasons for the codes of {@link io.devicehub.vocabulary.CloseCodes}, cut to the 123 bytes a close frame
 * leaves for the reason: the only part of closing that needs the server's WebSocket API.
 */
public final class CloseReasons {

    private CloseReasons() {
    }

    public static CloseReason of(int code, String phrase) {
        byte[] bytes = phrase.getBytes(StandardCharsets.UTF_8);
        String fitting = bytes.length <= 123 ? phrase : new String(bytes, 0, 123, StandardCharsets.UTF_8);
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), fitting);
    }
}
