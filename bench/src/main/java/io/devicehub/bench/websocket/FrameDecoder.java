package io.devicehub.bench.websocket;

import java.net.ProtocolException;
import java.nio.ByteBuffer;

/**
 * Decodes server frames (RFC 6455 §5.2) from a buffer that may end in the middle of one. Stateless: what is not a
 * complete frame stays in the buffer for the next read.
 */
public final class FrameDecoder {

    private FrameDecoder() {
    }

    /**
     * The next complete frame in {@code in}, consuming it; or {@code null}, consuming nothing, when the buffer ends
     * before the frame does.
     *
     * @throws ProtocolException for a frame a server must not send (masked, reserved bits, too large)
     */
    public static Frame next(ByteBuffer in, int maxPayload) throws ProtocolException {
        int start = in.position();
        if (in.remaining() < 2) {
            return null;
        }
        int first = in.get(start) & 0xFF;
        int second = in.get(start + 1) & 0xFF;
        if ((first & 0x70) != 0) {
            throw new ProtocolException("reserved bits set in a frame from the server");
        }
        if ((second & 0x80) != 0) {
            throw new ProtocolException("a masked frame from the server");
        }
        int header = 2;
        long length = second & 0x7F;
        if (length == 126) {
            if (in.remaining() < 4) {
                return null;
            }
            length = in.getShort(start + 2) & 0xFFFF;
            header = 4;
        } else if (length == 127) {
            if (in.remaining() < 10) {
                return null;
            }
            length = in.getLong(start + 2);
            header = 10;
        }
        if (length < 0 || length > maxPayload) {
            throw new ProtocolException("a frame of " + length + " bytes, more than the " + maxPayload + " allowed");
        }
        if (in.remaining() < header + length) {
            return null;
        }
        byte[] payload = new byte[(int) length];
        in.position(start + header);
        in.get(payload);
        return new Frame((first & 0x80) != 0, first & 0x0F, payload);
    }
}
