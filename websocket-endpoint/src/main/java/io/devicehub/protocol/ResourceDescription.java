package io.devicehub.protocol;

import io.devicehub.vocabulary.ResourceKind;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One resource a device declared: its name, kind, optional description, and for the kinds that have them, the
 * input and output it documented ({@code {"example": …}} and/or {@code {"schema": …}}).
 */
public record ResourceDescription(String name, ResourceKind kind, String description, JsonObject input,
                                  JsonObject output) {

    /** The documented example input, or {@code null}. */
    public JsonValue inputExample() {
        return input == null ? null : input.get("example");
    }

    /** The documented example output, or {@code null}. */
    public JsonValue outputExample() {
        return output == null ? null : output.get("example");
    }
}
