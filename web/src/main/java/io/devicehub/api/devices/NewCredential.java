package io.devicehub.api.devices;

import io.devicehub.api.json.JsonInput;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** The body of {@code POST /api/v1/devices/{id}/credential}. */
@Schema(name = "NewCredential", description = "The device's new credential, or generate: true.", properties = {
        @SchemaProperty(name = "credential", description = "12 to 128 characters; stored only as a hash.",
                example = "a new long credential"),
        @SchemaProperty(name = "generate",
                description = "true: DeviceHub generates a strong credential and answers it once.", example = "true")})
public record NewCredential(String credential, boolean generate) {

    @Override
    public String toString() {
        return "NewCredential[credential=<hidden>, generate=" + generate + "]";
    }

    static NewCredential from(JsonObject json) {
        JsonInput input = JsonInput.of(json, "credential", "generate");
        Credentials credentials = Credentials.from(input);
        input.check();
        return new NewCredential(credentials.given(), credentials.generate());
    }

    Credentials credentials() {
        return new Credentials(credential, generate);
    }
}
