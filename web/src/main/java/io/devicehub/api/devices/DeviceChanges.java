package io.devicehub.api.devices;

import io.devicehub.api.json.JsonInput;
import jakarta.json.JsonObject;

/**
 * The body of {@code PATCH /api/v1/devices/{id}}, a JSON merge patch (RFC 7396): members left out stay as they
 * are; {@code "description": null} removes the description. (Its OpenAPI schema is written out in
 * {@link DevicesResource#update}, where it can leave out {@code changesDescription}.)
 */
public record DeviceChanges(String description, boolean changesDescription, Boolean enabled) {

    static DeviceChanges from(JsonObject json) {
        JsonInput input = JsonInput.of(json, "description", "enabled");
        String description = input.string("description");
        Boolean enabled = input.bool("enabled");
        if (input.has("enabled") && enabled == null) {
            input.error("enabled", "must be true or false");
        }
        input.check();
        return new DeviceChanges(description, input.has("description"), enabled);
    }
}
