package io.devicehub.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;

/** JSON written the way the protocol document writes it, for comparing messages by value rather than by text. */
final class TestJson {

    static final JsonProvider JSON = JsonProvider.provider();

    private TestJson() {
    }

    static JsonValue value(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static JsonObject object(String text) {
        return value(text).asJsonObject();
    }
}
