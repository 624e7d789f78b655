package io.devicehub.console.devices;

import io.devicehub.common.StrictJson;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.util.Map;

/** JSON for people: indented for display, and read back from what a person typed. */
final class PrettyJson {

    /** Looked up once: {@code Json.create…} would search the class path for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PrettyJson() {
    }

    static String format(JsonValue value) {
        if (value == null) {
            return "";
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT && value.getValueType() != JsonValue.ValueType.ARRAY) {
            return value.toString();
        }
        StringWriter text = new StringWriter();
        try (JsonWriter writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.write(value);
        }
        return text.toString().strip();
    }

    /** Reads what a person typed under the rules for every JSON from outside ({@link StrictJson}). */
    static JsonValue parse(String text) {
        return StrictJson.parse(text);
    }
}
