package io.devicehub.protocol;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** The messages the server sends to devices, as JSON text. */
public final class Outbound {

    /** Looked up once: {@code Json.create…} would search the class path for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Outbound() {
    }

    public static String welcome(String device, int heartbeatSeconds, int maxFrameBytes) {
        return JSON.createObjectBuilder().add("type", "welcome").add("device", device)
                .add("heartbeat", heartbeatSeconds).add("maxFrameBytes", maxFrameBytes).build().toString();
    }

    public static String described(int resources) {
        return JSON.createObjectBuilder().add("type", "described").add("resources", resources).build().toString();
    }

    public static String call(String id, String resource, JsonValue input) {
        JsonObjectBuilder call = JSON.createObjectBuilder().add("type", "call").add("id", id).add("resource", resource);
        if (input != null) {
            call.add("input", input);
        }
        return call.build().toString();
    }

    public static String pong() {
        return "{\"type\":\"pong\"}";
    }

    public static String error(String code, String message) {
        return errorBuilder(code, message).build().toString();
    }

    /**
     * An error about one message with an id: an answer to a call that is no longer waiting, a data message that was
     * not stored…
     */
    public static String callError(String code, String id, String message) {
        return errorBuilder(code, message).add("id", id).build().toString();
    }

    /** A data message refused for now: send it again in {@code retryAfterSeconds}. */
    public static String slowDown(String id, String message, long retryAfterSeconds) {
        JsonObjectBuilder error = errorBuilder("slow-down", message).add("retryAfter", retryAfterSeconds);
        if (id != null) {
            error.add("id", id);
        }
        return error.build().toString();
    }

    /** A data message with an id was committed, as the record of this timestamp. */
    public static String stored(String id, String timestamp) {
        return JSON.createObjectBuilder().add("type", "stored").add("id", id).add("ts", timestamp).build().toString();
    }

    public static String tooManyAttempts(String message, long retryAfterSeconds) {
        return errorBuilder("too-many-attempts", message).add("retryAfter", retryAfterSeconds).build().toString();
    }

    private static JsonObjectBuilder errorBuilder(String code, String message) {
        return JSON.createObjectBuilder().add("type", "error").add("code", code).add("message", message);
    }
}
