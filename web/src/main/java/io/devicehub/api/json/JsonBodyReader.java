package io.devicehub.api.json;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads JSON request bodies of at most {@value #MAX_BYTES} bytes (or what the parameter's {@link MaxBodyBytes} says).
 * A larger declared {@code Content-Length} is refused before anything is read; a body without one (chunked) is read
 * up to one byte past the limit and then refused, so no request can make the server hold more than that.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json", "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<JsonBody> {

    /** 64 KiB: far more than any request of this API needs, the same as the largest device message. */
    public static final int MAX_BYTES = 64 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonBody.class;
    }

    @Override
    public JsonBody readFrom(Class<JsonBody> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                             MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return read(body, headers.getFirst(HttpHeaders.CONTENT_LENGTH), limitOf(annotations));
    }

    /**
     * Reads and parses a body under these rules, for the request paths that do not go through JAX-RS.
     *
     * @param declared the request's {@code Content-Length}, or {@code null}
     * @throws PayloadTooLargeException when the body is larger than {@code limit} bytes
     * @throws MalformedJsonException   when it is not one JSON value
     */
    public static JsonBody read(InputStream body, String declared, int limit) throws IOException {
        if (declared != null && isLargerThan(declared, limit)) {
            throw new PayloadTooLargeException(limit);
        }
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new PayloadTooLargeException(limit);
        }
        return JsonBody.parse(bytes);
    }

    private static int limitOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof MaxBodyBytes max) {
                    return max.value();
                }
            }
        }
        return MAX_BYTES;
    }

    private static boolean isLargerThan(String contentLength, int limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException unreadable) {
            return false; // the container rejects a broken Content-Length; the read below still enforces the limit
        }
    }
}
