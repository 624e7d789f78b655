package io.devicehub.bench.websocket;

import org.junit.jupiter.api.Test;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandshakeTest {

    @Test
    void theAcceptValueIsTheRfcs() {
        // RFC 6455 §1.3.
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", Handshake.accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void theRequestAsksForAWebSocketUpgradeWithAFreshKey() {
        Handshake.Request request = Handshake.request("127.0.0.1:18080", "/ws/devices", new SplittableRandom(1));
        String text = StandardCharsets.US_ASCII.decode(request.bytes()).toString();

        assertTrue(text.startsWith("GET /ws/devices HTTP/1.1\r\nHost: 127.0.0.1:18080\r\n"), text);
        assertTrue(text.contains("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"), text);
        assertTrue(text.contains("\r\nSec-WebSocket-Version: 13\r\n"), text);
        assertTrue(text.endsWith("\r\n\r\n"), text);
        String key = text.replaceAll("(?s).*Sec-WebSocket-Key: (\\S+)\r\n.*", "$1");
        assertEquals(Handshake.accept(key), request.expectedAccept());
    }

    @Test
    void aCompleteSwitchingProtocolsAnswerIsConsumedUpToTheFirstFrame() throws ProtocolException {
        ByteBuffer in = ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\nFRAME");

        assertTrue(Handshake.readResponse(in, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        assertEquals("FRAME", StandardCharsets.US_ASCII.decode(in).toString());
    }

    @Test
    void headersCutShortAreLeftForTheNextRead() throws ProtocolException {
        ByteBuffer in = ascii("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: x\r\n");

        assertFalse(Handshake.readResponse(in, "x"));
        assertEquals(0, in.position());
    }

    @Test
    void anythingButAnUpgradeWithTheRightAcceptFails() {
        assertThrows(ProtocolException.class, () -> Handshake.readResponse(
                ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"), "x"));
        assertThrows(ProtocolException.class, () -> Handshake.readResponse(
                ascii("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: y\r\n\r\n"), "x"));
        assertThrows(ProtocolException.class, () -> Handshake.readResponse(
                ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"), "x"));
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
