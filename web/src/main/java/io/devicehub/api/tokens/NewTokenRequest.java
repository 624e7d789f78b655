package io.devicehub.api.tokens;

import io.devicehub.api.json.JsonInput;
import io.devicehub.token.NewApiToken;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/** The body of {@code POST /api/v1/tokens}. */
@Schema(name = "NewApiToken", requiredProperties = {"name", "scopes"}, properties = {
        @SchemaProperty(name = "name", description = "A label for people, at most 64 characters.",
                example = "greenhouse dashboard"),
        @SchemaProperty(name = "scopes",
                description = "At least one of devices:read, devices:write, resources:call, " + "buckets:read, "
                        + "buckets:write.",
                example = "[\"devices:read\", \"resources:call\"]"),
        @SchemaProperty(name = "expiresAt",
                description = "When it stops working (ISO-8601 instant in the future); never when left out.",
                example = "2027-01-31T00:00:00Z"),
        @SchemaProperty(name = "device", description = "Limit it to this one device (its identifier).",
                example = "greenhouse-1"),
        @SchemaProperty(name = "resources", description = "With device: limit calls to these of its resources.",
                example = "[\"temperature\"]")})
public record NewTokenRequest(String name, List<String> scopes, Instant expiresAt, String device,
        List<String> resources) {

    static NewApiToken from(JsonObject json) {
        JsonInput input = JsonInput.of(json, "name", "scopes", "expiresAt", "device", "resources");
        String name = input.string("name");
        var scopes = ScopeNames.read(input);
        Instant expiresAt = input.instant("expiresAt");
        String device = input.string("device");
        List<String> resources = input.strings("resources");
        input.check();
        return new NewApiToken(name, scopes, expiresAt, device,
                resources == null ? null : new LinkedHashSet<>(resources));
    }
}
