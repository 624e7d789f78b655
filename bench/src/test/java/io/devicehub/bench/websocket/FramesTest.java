package io.devicehub.bench.websocket;

import org.junit.jupiter.api.Test;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramesTest {

    @Test
    void aShortTextFrameIsFinalMaskedAndCarriesItsLengthInTheSecondByte() {
        ByteBuffer frame = Frames.text("{\"type\":\"ping\"}", 0x01020304);

        assertEquals(0x81, frame.get(0) & 0xFF, "FIN + text");
        assertEquals(0x80 | 15, frame.get(1) & 0xFF, "masked, 15 bytes");
        assertEquals(0x01020304, frame.getInt(2), "the mask key");
        assertEquals(2 + 4 + 15, frame.remaining());
        assertEquals("{\"type\":\"ping\"}", unmask(frame));
    }

    @Test
    void theRfcExampleMaskedHelloEncodesByteForByte() {
        // RFC 6455 §5.7: a single-frame masked text message containing "Hello".
        ByteBuffer frame = Frames.text("Hello", 0x37fa213d);

        byte[] expected = {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58};
        byte[] actual = new byte[frame.remaining()];
        frame.get(actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void mediumFramesUseTheSixteenBitLengthAndLargeOnesTheSixtyFourBitLength() {
        ByteBuffer medium = Frames.text("x".repeat(126), 7);
        assertEquals(0x80 | 126, medium.get(1) & 0xFF);
        assertEquals(126, medium.getShort(2) & 0xFFFF);
        assertEquals("x".repeat(126), unmask(medium));

        ByteBuffer large = Frames.text("y".repeat(70_000), 7);
        assertEquals(0x80 | 127, large.get(1) & 0xFF);
        assertEquals(70_000, large.getLong(2));
        assertEquals("y".repeat(70_000), unmask(large));
    }

    @Test
    void aCloseFrameCarriesTheCodeThenTheReason() {
        ByteBuffer frame = Frames.close(1000, "bye", 0);

        assertEquals(0x88, frame.get(0) & 0xFF);
        assertEquals(0x80 | 5, frame.get(1) & 0xFF);
        assertEquals(1000, frame.getShort(6) & 0xFFFF, "a zero mask leaves the payload as it is");
        assertEquals("bye", new String(new byte[]{frame.get(8), frame.get(9), frame.get(10)}, StandardCharsets.UTF_8));
    }

    @Test
    void theDecoderReadsServerFramesOfEveryLengthEncoding() throws ProtocolException {
        for (int length : new int[]{0, 5, 125, 126, 65_535, 65_536}) {
            ByteBuffer in = serverFrame(0x81, new byte[length]);
            Frame frame = FrameDecoder.next(in, 65_536);
            assertTrue(frame.fin());
            assertEquals(Frames.TEXT, frame.opcode());
            assertEquals(length, frame.payload().length);
            assertEquals(0, in.remaining(), "consumed whole");
        }
    }

    @Test
    void anIncompleteFrameConsumesNothingUntilItsLastByteArrives() throws ProtocolException {
        ByteBuffer whole = serverFrame(0x81, "{\"type\":\"pong\"}".getBytes(StandardCharsets.UTF_8));
        for (int cut = 0; cut < whole.remaining(); cut++) {
            ByteBuffer part = whole.duplicate().limit(cut);
            assertNull(FrameDecoder.next(part, 65_536), "cut at " + cut);
            assertEquals(0, part.position(), "nothing consumed at " + cut);
        }
        assertEquals("{\"type\":\"pong\"}", new String(FrameDecoder.next(whole, 65_536).payload(), StandardCharsets.UTF_8));
    }

    @Test
    void twoFramesInOneReadComeOutOneAfterTheOther() throws ProtocolException {
        ByteBuffer first = serverFrame(0x01, "ab".getBytes(StandardCharsets.UTF_8));
        ByteBuffer second = serverFrame(0x80, "cd".getBytes(StandardCharsets.UTF_8));
        ByteBuffer both = ByteBuffer.allocate(first.remaining() + second.remaining()).put(first).put(second).flip();

        Frame a = FrameDecoder.next(both, 100);
        Frame b = FrameDecoder.next(both, 100);
        assertEquals(Frames.TEXT, a.opcode());
        assertTrue(!a.fin() && b.fin(), "a fragmented message: text, then a final continuation");
        assertEquals(Frames.CONTINUATION, b.opcode());
        assertNull(FrameDecoder.next(both, 100));
    }

    @Test
    void aCloseFrameTellsItsCodeAndReasonAndAnEmptyOneTellsNoStatus() throws ProtocolException {
        Frame close = FrameDecoder.next(serverFrame(0x88, new byte[]{0x11, 0x31, 'b', 'u', 's', 'y'}), 100);
        assertEquals(4401, close.closeCode());
        assertEquals("busy", close.closeReason());

        Frame empty = FrameDecoder.next(serverFrame(0x88, new byte[0]), 100);
        assertEquals(1005, empty.closeCode());
        assertEquals("", empty.closeReason());
    }

    @Test
    void framesNoServerMaySendAreRefused() {
        ByteBuffer masked = ByteBuffer.wrap(new byte[]{(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 5});
        assertThrows(ProtocolException.class, () -> FrameDecoder.next(masked, 100));
        ByteBuffer reserved = ByteBuffer.wrap(new byte[]{(byte) 0xC1, 0});
        assertThrows(ProtocolException.class, () -> FrameDecoder.next(reserved, 100));
        assertThrows(ProtocolException.class, () -> FrameDecoder.next(serverFrame(0x81, new byte[101]), 100));
    }

    /** Unmasks a client frame's payload, as the server does. */
    private static String unmask(ByteBuffer frame) {
        int lengthField = frame.get(1) & 0x7F;
        int offset = lengthField < 126 ? 2 : lengthField == 126 ? 4 : 10;
        byte[] key = new byte[4];
        frame.position(offset);
        frame.get(key);
        byte[] payload = new byte[frame.remaining()];
        frame.get(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= key[i & 3];
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** An unmasked frame as a server sends it. */
    static ByteBuffer serverFrame(int firstByte, byte[] payload) {
        int length = payload.length;
        ByteBuffer frame = ByteBuffer.allocate(10 + length).put((byte) firstByte);
        if (length < 126) {
            frame.put((byte) length);
        } else if (length <= 0xFFFF) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        return frame.put(payload).flip();
    }
}
