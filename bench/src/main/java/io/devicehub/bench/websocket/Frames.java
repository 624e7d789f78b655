package io.devicehub.bench.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the frames a client sends (RFC 6455 §5.2). Every client frame is masked, as the RFC requires; the mask
 * only protects proxies from cache poisoning, so a fast non-cryptographic random is enough here.
 */
public final class Frames {

    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private static final int FIN = 0x80;
    private static final int MASKED = 0x80;

    private Frames() {
    }

    /** A final, masked text frame. */
    public static ByteBuffer text(String text, int mask) {
        return frame(TEXT, text.getBytes(StandardCharsets.UTF_8), mask);
    }

    /** A close frame with a status code and a short reason. */
    public static ByteBuffer close(int code, String reason, int mask) {
        byte[] phrase = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + Math.min(phrase.length, 123)];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(phrase, 0, payload, 2, payload.length - 2);
        return frame(CLOSE, payload, mask);
    }

    /** A final, masked frame of any opcode. */
    public static ByteBuffer frame(int opcode, byte[] payload, int mask) {
        int length = payload.length;
        int lengthBytes = length < 126 ? 0 : length <= 0xFFFF ? 2 : 8;
        ByteBuffer frame = ByteBuffer.allocate(2 + lengthBytes + 4 + length);
        frame.put((byte) (FIN | opcode));
        if (lengthBytes == 0) {
            frame.put((byte) (MASKED | length));
        } else if (lengthBytes == 2) {
            frame.put((byte) (MASKED | 126)).putShort((short) length);
        } else {
            frame.put((byte) (MASKED | 127)).putLong(length);
        }
        frame.putInt(mask);
        byte[] key = {(byte) (mask >> 24), (byte) (mask >> 16), (byte) (mask >> 8), (byte) mask};
        for (int i = 0; i < length; i++) {
            frame.put((byte) (payload[i] ^ key[i & 3]));
        }
        return frame.flip();
    }
}
