package io.devicehub.client;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;

/**
 * Writes the messages a device sends, exactly as {@code docs/protocol.md} spells them. Everything goes through
 * here, so the wire format lives in one place.
 */
final class Messages {

    /** Looked up once: {@code jakarta.json.Json} would search the class path on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private Messages() {
    }

    static String auth(String account, String device, String credential) {
        return message("auth")
                .add("account", account)
                .add("device", device)
                .add("credential", credential)
                .build().toString();
    }

    static String describe(Collection<Resource> resources) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (Resource resource : resources) {
            list.add(resource(resource));
        }
        return message("describe").add("resources", list).build().toString();
    }

    private static JsonObjectBuilder resource(Resource resource) {
        JsonObjectBuilder object = JSON.createObjectBuilder()
                .add("name", resource.name())
                .add("kind", resource.kind().wireName());
        resource.description().ifPresent(text -> object.add("description", text));
        if (!resource.input().isEmpty()) {
            object.add("input", side(resource.input()));
        }
        if (!resource.output().isEmpty()) {
            object.add("output", side(resource.output()));
        }
        return object;
    }

    private static JsonObjectBuilder side(Resource.Side side) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        if (side.example() != null) {
            object.add("example", side.example());
        }
        if (side.schema() != null) {
            object.add("schema", side.schema());
        }
        return object;
    }

    /** A {@code result}; {@code output} is {@code null} for kinds that produce none. */
    static String result(String id, JsonValue output) {
        JsonObjectBuilder message = message("result").add("id", id);
        if (output != null) {
            message.add("output", output);
        }
        return message.build().toString();
    }

    /** The device's report that a call failed. */
    static String callError(String id, String text) {
        return message("error").add("id", id).add("message", text).build().toString();
    }

    /**
     * A {@code data} message; without {@code timestamp} the server uses its own time, without {@code id} it does
     * not answer.
     */
    static String data(String bucket, JsonValue value, Instant timestamp, String id) {
        JsonObjectBuilder message = message("data").add("bucket", bucket).add("value", value);
        if (timestamp != null) {
            message.add("ts", timestamp.toString());
        }
        if (id != null) {
            message.add("id", id);
        }
        return message.build().toString();
    }

    static String ping() {
        return message("ping").build().toString();
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static JsonObjectBuilder message(String type) {
        return JSON.createObjectBuilder().add("type", type);
    }
}
