package io.devicehub.api.json;

import io.devicehub.common.InvalidJsonException;
import io.devicehub.common.StrictJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The JSON body of a request, parsed. Resources take this type rather than {@code JsonObject} so that the API's own
 * reader ({@link JsonBodyReader}), with its size limit and its errors, is the one that reads it. Hidden from the
 * OpenAPI document: each request documents the body it expects.
 */
@Schema(hidden = true)
public final class JsonBody {

    private final JsonValue value;

    private JsonBody(JsonValue value) {
        this.value = value;
    }

    /**
     * Parses exactly one JSON value from UTF-8 bytes (RFC 8259), nothing before or after it, under
     * {@link StrictJson}'s rules: nesting, numbers and repeated members are bounded like a device's messages.
     */
    public static JsonBody parse(byte[] utf8) {
        if (isBlank(utf8)) {
            throw new MalformedJsonException("The body is empty; send a JSON document.");
        }
        try {
            return new JsonBody(StrictJson.parse(new InputStreamReader(new ByteArrayInputStream(utf8),
                    StandardCharsets.UTF_8)));
        } catch (InvalidJsonException invalid) {
            throw new MalformedJsonException("The body is not valid JSON: " + invalid.getMessage());
        }
    }

    /** The body of a request that needs one: a missing body is malformed. */
    public static JsonBody required(JsonBody body) {
        if (body == null) {
            throw new MalformedJsonException("The body is empty; send a JSON document.");
        }
        return body;
    }

    /** Any JSON value (a resource's input may be a number, a string, {@code true}…). */
    public JsonValue value() {
        return value;
    }

    /** The body as the JSON object that most requests must be. */
    public JsonObject object() {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedJsonException("The body must be a JSON object, not " + describe(value) + ".");
        }
        return value.asJsonObject();
    }

    static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
