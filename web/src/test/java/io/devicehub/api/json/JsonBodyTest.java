package io.devicehub.api.json;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request bodies: exactly one JSON value, at most 64 KiB, and errors that say where. */
class JsonBodyTest {

    @Test
    void anyJsonValueIsABody() {
        assertEquals(JsonValue.TRUE, parse("true").value());
        assertEquals(Json.createValue(42), parse(" 42 ").value());
        assertEquals(Json.createValue("hello"), parse("\"hello\"").value());
        assertEquals("é", parse("{\"a\":\"é\"}").object().getString("a"));
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        MalformedJsonException malformed = assertThrows(MalformedJsonException.class, () -> parse("{\"a\":\n 1,}"));
        assertEquals(400, malformed.problem().status());
        assertEquals("urn:devicehub:problem:malformed-json", malformed.problem().type());
        assertTrue(malformed.getMessage().contains("line 2"), malformed.getMessage());
    }

    @Test
    void trailingContentIsNotIgnored() {
        assertThrows(MalformedJsonException.class, () -> parse("{\"a\":1} {\"b\":2}"));
        assertThrows(MalformedJsonException.class, () -> parse("true false"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertTrue(assertThrows(MalformedJsonException.class, () -> parse("  \n")).getMessage().contains("empty"));
        assertThrows(MalformedJsonException.class, () -> JsonBody.required(null));
    }

    @Test
    void mostRequestsWantAnObject() {
        MalformedJsonException array = assertThrows(MalformedJsonException.class, () -> parse("[1,2]").object());
        assertEquals("The body must be a JSON object, not an array.", array.getMessage());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() throws IOException {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Length", Integer.toString(JsonBodyReader.MAX_BYTES + 1));
        InputStream neverRead = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read although the declared length is too large");
            }
        };
        PayloadTooLargeException tooLarge = assertThrows(PayloadTooLargeException.class,
                () -> new JsonBodyReader().readFrom(JsonBody.class, JsonBody.class, null, null, headers, neverRead));
        assertEquals(413, tooLarge.problem().status());
        neverRead.close();
    }

    @Test
    void aBodyWithoutLengthIsReadOnlyOneBytePastTheLimit() {
        byte[] huge = ("\"" + "x".repeat(200_000) + "\"").getBytes(StandardCharsets.UTF_8);
        CountingStream body = new CountingStream(huge);
        assertThrows(PayloadTooLargeException.class, () -> new JsonBodyReader().readFrom(JsonBody.class,
                JsonBody.class, null, null, new MultivaluedHashMap<>(), body));
        assertEquals(JsonBodyReader.MAX_BYTES + 1, body.read);
    }

    @Test
    void aBodyOfExactlyTheLimitIsFine() throws IOException {
        String text = "\"" + "x".repeat(JsonBodyReader.MAX_BYTES - 2) + "\"";
        JsonBody body = new JsonBodyReader().readFrom(JsonBody.class, JsonBody.class, null, null,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(JsonBodyReader.MAX_BYTES - 2, ((jakarta.json.JsonString) body.value()).getString().length());
    }

    private static JsonBody parse(String text) {
        return JsonBody.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final class CountingStream extends ByteArrayInputStream {
        int read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }
}
