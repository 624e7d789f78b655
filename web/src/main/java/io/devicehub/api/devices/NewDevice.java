package io.devicehub.api.devices;

import io.devicehub.api.json.JsonInput;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** The body of {@code POST /api/v1/devices}. */
@Schema(name = "NewDevice", requiredProperties = {"identifier"},
        description = "A device to register: give its credential, or ask for a generated one.", properties = {
        @SchemaProperty(name = "identifier",
                description = "1 to 32 letters, digits, '_' or '-'; unique among your devices; case-sensitive.",
                example = "greenhouse-1"),
        @SchemaProperty(name = "description", description = "Optional, at most 255 characters.",
                example = "Greenhouse climate sensor"),
        @SchemaProperty(name = "credential",
                description = "12 to 128 characters; stored only as a hash. Leave out with generate: true.",
                example = "k3Qm9TzX2fLw8RbV5nYc1HdP"),
        @SchemaProperty(name = "generate",
                description = "true: DeviceHub generates a strong credential and answers it once.", example = "false")})
public record NewDevice(String identifier, String description, String credential, boolean generate) {

    @Override
    public String toString() {
        return "NewDevice[identifier=" + identifier + ", credential=<hidden>, generate=" + generate + "]";
    }

    Credentials credentials() {
        return new Credentials(credential, generate);
    }

    static NewDevice from(JsonObject json) {
        JsonInput input = JsonInput.of(json, "identifier", "description", "credential", "generate");
        String identifier = input.string("identifier");
        String description = input.string("description");
        Credentials credentials = Credentials.from(input);
        input.check();
        return new NewDevice(identifier, description, credentials.given(), credentials.generate());
    }
}
