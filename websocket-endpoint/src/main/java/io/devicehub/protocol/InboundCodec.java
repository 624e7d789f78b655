package io.devicehub.protocol;

import io.devicehub.common.InvalidJsonException;
import io.devicehub.common.StrictJson;
import io.devicehub.vocabulary.ResourceKind;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a device's text message into an {@link Inbound}, checking every rule of docs/protocol.md. Anything that
 * breaks a rule becomes a {@link ProtocolViolation} naming what was wrong; nothing half-read gets through. The JSON
 * itself is read by {@link StrictJson} (bounded nesting and numbers, each member once).
 */
public final class InboundCodec {

    /** Looked up once: {@code Json.create…} would search the class path for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final int MAX_RESOURCES = 100;

    private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern BUCKET_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_ID = 64;
    private static final int MAX_TEXT = 255;
    private static final int MAX_MESSAGE = 1024;

    private InboundCodec() {
    }

    public static Inbound decode(String text) throws ProtocolViolation {
        JsonObject message = parse(text);
        JsonValue type = message.get("type");
        if (!(type instanceof JsonString typeName)) {
            throw new ProtocolViolation("malformed", "Every message needs a string member 'type'.");
        }
        return switch (typeName.getString()) {
            case "auth" -> auth(message);
            case "describe" -> describe(message);
            case "result" -> result(message);
            case "error" -> callFailed(message);
            case "data" -> data(message);
            case "ping" -> new Inbound.Ping();
            default -> throw new ProtocolViolation("unknown-type",
                    "Unknown message type '" + clip(typeName.getString()) + "'.");
        };
    }

    private static JsonObject parse(String text) throws ProtocolViolation {
        JsonValue value;
        try {
            value = StrictJson.parse(text);
        } catch (InvalidJsonException invalid) {
            throw new ProtocolViolation("malformed", "Not valid JSON: " + clip(invalid.getMessage()),
                    answeredCall(text));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProtocolViolation("malformed", "A message must be a JSON object.");
        }
        return value.asJsonObject();
    }

    /**
     * The call a message that could not be read was answering, if its top level still shows one: a {@code result}
     * or {@code error} with a string {@code id}, found by walking the top-level members and skipping nested values
     * unread. The caller then learns at once that the answer was broken, instead of waiting for the timeout.
     */
    static String answeredCall(String text) {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                return null;
            }
            String type = null;
            String id = null;
            while ((type == null || id == null) && parser.next() == JsonParser.Event.KEY_NAME) {
                String member = parser.getString();
                switch (parser.next()) {
                    case START_OBJECT -> parser.skipObject();
                    case START_ARRAY -> parser.skipArray();
                    case VALUE_STRING -> {
                        if (member.equals("type")) {
                            type = parser.getString();
                        } else if (member.equals("id")) {
                            id = parser.getString();
                        }
                    }
                    default -> { }
                }
            }
            boolean answer = "result".equals(type) || "error".equals(type);
            return answer && id != null && !id.isEmpty() && id.length() <= MAX_ID ? id : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** Missing or mistyped members make an auth that simply fails: no hint is given about what was wrong. */
    private static Inbound.Auth auth(JsonObject message) {
        return new Inbound.Auth(string(message, "account"), string(message, "device"), string(message, "credential"));
    }

    private static Inbound.Describe describe(JsonObject message) throws ProtocolViolation {
        if (!(message.get("resources") instanceof JsonArray resources)) {
            throw invalidDescription("'resources' must be an array.");
        }
        if (resources.size() > MAX_RESOURCES) {
            throw invalidDescription("A device may describe at most " + MAX_RESOURCES + " resources.");
        }
        List<ResourceDescription> described = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            ResourceDescription resource = resource(resources.get(i), "resources[" + i + "]");
            if (!names.add(resource.name())) {
                throw invalidDescription("resources[" + i + "].name '" + resource.name() + "' is used twice.");
            }
            described.add(resource);
        }
        return new Inbound.Describe(List.copyOf(described));
    }

    private static ResourceDescription resource(JsonValue value, String where) throws ProtocolViolation {
        if (!(value instanceof JsonObject resource)) {
            throw invalidDescription(where + " must be an object.");
        }
        String name = string(resource, "name");
        if (name == null || !RESOURCE_NAME.matcher(name).matches()) {
            throw invalidDescription(where + ".name must be 1 to 64 of A-Z a-z 0-9 _ - .");
        }
        String kindName = string(resource, "kind");
        ResourceKind kind = ResourceKind.fromWire(kindName).orElseThrow(() -> invalidDescription(
                where + ".kind must be one of input, output, input/output, run."));
        String description = null;
        if (resource.containsKey("description")) {
            description = string(resource, "description");
            if (description == null || description.length() > MAX_TEXT) {
                throw invalidDescription(where + ".description must be text of at most " + MAX_TEXT + " characters.");
            }
        }
        JsonObject input = valueDocument(resource, "input", kind.takesInput(), where, kind);
        JsonObject output = valueDocument(resource, "output", kind.producesOutput(), where, kind);
        return new ResourceDescription(name, kind, description, input, output);
    }

    private static JsonObject valueDocument(JsonObject resource, String member, boolean allowed, String where,
                                            ResourceKind kind) throws ProtocolViolation {
        if (!resource.containsKey(member)) {
            return null;
        }
        if (!allowed) {
            throw invalidDescription(where + " is " + kind.withArticle() + " resource and has no " + member + ".");
        }
        if (!(resource.get(member) instanceof JsonObject document)
                || document.keySet().stream().anyMatch(key -> !key.equals("example") && !key.equals("schema"))) {
            throw invalidDescription(where + "." + member + " must be an object with 'example' and/or 'schema'.");
        }
        if (document.containsKey("schema") && document.get("schema").getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalidDescription(where + "." + member + ".schema must be a JSON Schema object.");
        }
        return document;
    }

    private static Inbound.Result result(JsonObject message) throws ProtocolViolation {
        return new Inbound.Result(callId(message), message.get("output"));
    }

    private static Inbound.CallFailed callFailed(JsonObject message) throws ProtocolViolation {
        String id = callId(message);
        String text = string(message, "message");
        return new Inbound.CallFailed(id, text == null || text.isBlank() ? "The device reported an error." : clip(text));
    }

    private static String callId(JsonObject message) throws ProtocolViolation {
        String id = string(message, "id");
        if (id == null || id.isEmpty() || id.length() > MAX_ID) {
            throw new ProtocolViolation("invalid-result", "A result or error needs the string 'id' of its call.");
        }
        return id;
    }

    private static Inbound.Data data(JsonObject message) throws ProtocolViolation {
        String id = null;
        if (message.containsKey("id")) {
            id = string(message, "id");
            if (id == null || id.isEmpty() || id.length() > MAX_ID) {
                throw new ProtocolViolation("invalid-data", "'id' must be a string of 1 to " + MAX_ID
                        + " characters.");
            }
        }
        String bucket = string(message, "bucket");
        if (bucket == null || !BUCKET_NAME.matcher(bucket).matches()) {
            throw new ProtocolViolation("invalid-data", "'bucket' must be 1 to 64 of A-Z a-z 0-9 _ -.", id);
        }
        if (!message.containsKey("value")) {
            throw new ProtocolViolation("invalid-data", "'value' is required.", id);
        }
        Instant timestamp = null;
        if (message.containsKey("ts")) {
            timestamp = timestamp(message.get("ts"), id);
        }
        return new Inbound.Data(bucket, message.get("value"), timestamp, id);
    }

    /** An ISO-8601 instant, or milliseconds since the epoch. */
    private static Instant timestamp(JsonValue ts, String id) throws ProtocolViolation {
        try {
            if (ts instanceof JsonNumber millis && millis.isIntegral()) {
                return Instant.ofEpochMilli(millis.longValueExact());
            }
            if (ts instanceof JsonString text) {
                Instant parsed = Instant.parse(text.getString());
                parsed.toEpochMilli(); // an instant beyond milliseconds' range (year 292 million) is unreadable too
                return parsed;
            }
        } catch (DateTimeParseException | ArithmeticException unreadable) {
            // reported below
        }
        throw new ProtocolViolation("invalid-data", "'ts' must be an ISO-8601 instant such as "
                + "2026-11-26T11:30:00Z, or milliseconds since 1970.", id);
    }

    private static String string(JsonObject object, String member) {
        return object.get(member) instanceof JsonString text ? text.getString() : null;
    }

    private static ProtocolViolation invalidDescription(String message) {
        return new ProtocolViolation("invalid-description", message);
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
