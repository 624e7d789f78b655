package io.devicehub.client;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;

/**
 * A message from the server, decoded. Members the device does not need are ignored, and missing optional ones get
 * the protocol's defaults, so a newer server that adds members does not break older firmware.
 */
sealed interface Incoming {

    Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

    /** Authentication succeeded; from now on the device pings after {@code heartbeat} of silence. */
    record Welcome(String device, Duration heartbeat, int maxFrameBytes) implements Incoming {
    }

    /** A call of a resource; {@code input} is {@code null} when the message has none. */
    record Call(String id, String resource, JsonValue input) implements Incoming {
    }

    /** An error about a message or the session; {@code id} is present for answers to unknown calls. */
    record ServerError(String code, String message, String id, Optional<Duration> retryAfter) implements Incoming {
    }

    /** A data message with this id was committed, as the record of {@code ts}. */
    record Stored(String id, String ts) implements Incoming {
    }

    /** The server accepted a description. */
    record Described(int resources) implements Incoming {
    }

    /** The answer to a ping. */
    record Pong() implements Incoming {
    }

    /** A type this version does not know: ignored, as a newer server may send it. */
    record Unknown(String type) implements Incoming {
    }

    /**
     * Decodes one whole message.
     *
     * @throws IllegalArgumentException if it is not a JSON object with a string {@code type}, or a call has no id
     */
    static Incoming parse(String text) {
        JsonObject message = object(text);
        String type = string(message, "type");
        if (type == null) {
            throw new IllegalArgumentException("a message without a string 'type'");
        }
        return switch (type) {
            case "welcome" -> new Welcome(string(message, "device"),
                    Duration.ofSeconds(positive(message, "heartbeat", DEFAULT_HEARTBEAT.toSeconds())),
                    (int) positive(message, "maxFrameBytes", ProtocolRules.DEFAULT_MAX_FRAME_BYTES));
            case "call" -> call(message);
            case "error" -> new ServerError(string(message, "code"), string(message, "message"),
                    string(message, "id"), retryAfter(message));
            case "described" -> new Described((int) positive(message, "resources", 0));
            case "stored" -> new Stored(string(message, "id"), string(message, "ts"));
            case "pong" -> new Pong();
            default -> new Unknown(type);
        };
    }

    private static JsonObject object(String text) {
        JsonValue value;
        try (JsonReader reader = Messages.JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return value.asJsonObject();
    }

    private static Call call(JsonObject message) {
        String id = string(message, "id");
        if (id == null) {
            throw new IllegalArgumentException("a call without a string 'id'");
        }
        return new Call(id, string(message, "resource"), message.get("input"));
    }

    private static Optional<Duration> retryAfter(JsonObject message) {
        long seconds = positive(message, "retryAfter", -1);
        return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }

    private static String string(JsonObject message, String name) {
        JsonValue value = message.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    /** A whole, positive number member, or {@code fallback} when it is absent or anything else. */
    private static long positive(JsonObject message, String name, long fallback) {
        JsonValue value = message.get(name);
        if (value instanceof JsonNumber number && number.isIntegral()) {
            long whole = number.longValue();
            if (whole > 0 && whole <= Integer.MAX_VALUE) {
                return whole;
            }
        }
        return fallback;
    }
}
