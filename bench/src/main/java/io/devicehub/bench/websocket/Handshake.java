package io.devicehub.bench.websocket;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** The opening handshake (RFC 6455 §4): the upgrade request, and the check of the server's 101 answer. */
public final class Handshake {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

    /** The request to send, and the {@code Sec-WebSocket-Accept} value the server must answer with. */
    public record Request(ByteBuffer bytes, String expectedAccept) {
    }

    private Handshake() {
    }

    public static Request request(String hostAndPort, String path, RandomGenerator random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String text = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + hostAndPort + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        return new Request(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), accept(key));
    }

    /** What a server answers to {@code key}. */
    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Consumes the server's response headers from {@code in} once they are complete.
     *
     * @return {@code false}, consuming nothing, while the headers are incomplete
     * @throws ProtocolException when the server did not switch protocols or answered with the wrong accept value
     */
    public static boolean readResponse(ByteBuffer in, String expectedAccept) throws ProtocolException {
        int end = indexOf(in, END_OF_HEADERS);
        if (end < 0) {
            return false;
        }
        byte[] head = new byte[end - in.position()];
        in.get(head);
        in.position(in.position() + END_OF_HEADERS.length);
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        if (!lines[0].startsWith("HTTP/1.1 101")) {
            throw new ProtocolException("the server did not upgrade: " + lines[0]);
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")) {
                if (line.substring(colon + 1).trim().equals(expectedAccept)) {
                    return true;
                }
                throw new ProtocolException("wrong Sec-WebSocket-Accept in the server's answer");
            }
        }
        throw new ProtocolException("no Sec-WebSocket-Accept in the server's answer");
    }

    private static int indexOf(ByteBuffer in, byte[] pattern) {
        outer:
        for (int i = in.position(); i <= in.limit() - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (in.get(i + j) != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
