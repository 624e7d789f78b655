package io.devicehub.api.websocket;

import io.devicehub.api.problem.Problem;
import io.devicehub.api.security.ApiCaller;
import io.devicehub.session.CallResult;
import io.devicehub.session.SessionStatistics;
import io.devicehub.session.StoredData;
import io.devicehub.token.Scope;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The messages the WebSocket API sends (docs/api-websocket.md), written as compact JSON straight from a generator:
 * a call's {@code result} has the REST answer's members, an {@code error} the REST problem.
 */
final class ApiMessages {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ApiMessages() {
    }

    static String welcome(ApiCaller caller, int maxInFlight) {
        return write(json -> {
            json.writeStartObject().write("type", "welcome").write("account", caller.username())
                    .writeStartArray("scopes");
            caller.token().scopes().stream().map(Scope::wireName).sorted().forEach(json::write);
            json.writeEnd();
            if (caller.token().device() != null) {
                json.write("device", caller.token().device());
            }
            json.write("maxInFlight", maxInFlight).write("maxMessageBytes", ApiEndpoint.MAX_MESSAGE_BYTES)
                    .writeEnd();
        });
    }

    static String result(String id, String device, String resource, CallResult result) {
        return write(json -> {
            json.writeStartObject().write("type", "result").write("id", id).write("device", device)
                    .write("resource", resource);
            if (result.output() != null) {
                json.write("output", result.output());
            }
            json.write("durationMs", result.duration().toMillis()).writeEnd();
        });
    }

    /** @param id the id of the message it answers, {@code null} when there is none */
    static String error(String id, Problem problem) {
        return write(json -> {
            json.writeStartObject().write("type", "error");
            if (id != null) {
                json.write("id", id);
            }
            json.write("problem", problem.toJson()).writeEnd();
        });
    }

    static String pong(String id) {
        return id == null ? "{\"type\":\"pong\"}"
                : write(json -> json.writeStartObject().write("type", "pong").write("id", id).writeEnd());
    }

    /** @param devices the devices the subscription hears, {@code null} for all */
    static String subscribed(String id, List<String> events, Collection<String> devices) {
        return write(json -> {
            json.writeStartObject().write("type", "subscribed").write("id", id).writeStartArray("events");
            events.stream().distinct().forEach(json::write);
            json.writeEnd();
            if (devices != null) {
                json.writeStartArray("devices");
                devices.forEach(json::write);
                json.writeEnd();
            }
            json.writeEnd();
        });
    }

    static String unsubscribed(String id) {
        return write(json -> json.writeStartObject().write("type", "unsubscribed").write("id", id).writeEnd());
    }

    /**
     * @param at         when it happened ({@code connected}, {@code disconnected})
     * @param statistics the device's figures ({@code statistics})
     * @param closeCode  how the session ended ({@code disconnected}), with its {@code reason}
     */
    static String event(String subscription, String event, String device, Instant at, SessionStatistics statistics,
                        Integer closeCode, String reason) {
        return write(json -> {
            json.writeStartObject().write("type", "event").write("subscription", subscription)
                    .write("event", event).write("device", device);
            if (at != null) {
                json.write("at", at.toString());
            }
            if (closeCode != null) {
                json.write("closeCode", closeCode).write("reason", reason == null ? "" : reason);
            }
            if (statistics != null) {
                json.writeStartObject("session")
                        .write("connectedSince", statistics.connectedSince().toString())
                        .write("lastActivity", statistics.lastActivity().toString())
                        .write("bytesReceived", statistics.bytesReceived())
                        .write("bytesSent", statistics.bytesSent())
                        .write("messagesReceived", statistics.messagesReceived())
                        .write("messagesSent", statistics.messagesSent())
                        .write("calls", statistics.calls())
                        .writeEnd();
            }
            json.writeEnd();
        });
    }

    static String data(String subscription, StoredData.Record record) {
        return write(json -> json.writeStartObject().write("type", "event").write("subscription", subscription)
                .write("event", "data").write("device", record.device()).write("bucket", record.bucket())
                .write("ts", record.ts().toString()).write("value", record.value()).writeEnd());
    }

    private static String write(Consumer<JsonGenerator> message) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            message.accept(json);
        }
        return text.toString();
    }
}
