package io.devicehub.api.tokens;

import io.devicehub.token.ApiToken;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** An account API token as lists show it: never the secret, except in the answer that created it. */
@Schema(name = "ApiToken", properties = {
        @SchemaProperty(name = "revokedAt", type = SchemaType.STRING, format = "date-time"),
        @SchemaProperty(name = "createdAt", type = SchemaType.STRING, format = "date-time"),
        @SchemaProperty(name = "id", example = "17"),
        @SchemaProperty(name = "name", example = "greenhouse dashboard"),
        @SchemaProperty(name = "status", enumeration = {"active", "expired", "revoked"}),
        @SchemaProperty(name = "scopes", example = "[\"devices:read\", \"resources:call\"]"),
        @SchemaProperty(name = "device", description = "The one device it is limited to; absent for all.",
                example = "greenhouse-1"),
        @SchemaProperty(name = "resources", description = "The resources of that device it may call; absent for all.",
                example = "[\"temperature\"]"),
        @SchemaProperty(name = "hint", description = "The start of the token, to tell tokens apart.",
                example = "dh_pat_4Fq9…"),
        @SchemaProperty(name = "expiresAt", type = SchemaType.STRING, format = "date-time",
                description = "Absent: never expires."),
        @SchemaProperty(name = "lastUsedAt", type = SchemaType.STRING, format = "date-time",
                description = "To the minute; absent when never used."),
        @SchemaProperty(name = "token",
                description = "The secret: only in the answer that created it. Store it now; DeviceHub keeps "
                        + "only a hash and cannot show it again.",
                example = "dh_pat_4Fq9xY2…")})
@JsonbPropertyOrder({"id", "name", "status", "scopes", "device", "resources", "hint", "createdAt", "expiresAt",
        "lastUsedAt", "revokedAt", "token"})
public record TokenJson(long id, String name, String status, List<String> scopes, String device, List<String> resources,
        String hint, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String token) {

    static TokenJson of(ApiToken token, String secret) {
        return new TokenJson(token.getId(), token.getName(), token.getStatus().name().toLowerCase(Locale.ROOT),
                ScopeNames.of(token.getScopes()), token.getDevice(),
                token.getResources().isEmpty() ? null : token.getResources().stream().sorted().toList(),
                token.getHint(), token.getCreatedAt(), token.getExpiresAt(), token.getLastUsedAt(),
                token.getRevokedAt(), secret);
    }

    @Override
    public String toString() {
        return "TokenJson[id=" + id + ", name=" + name + ", token=<hidden>]";
    }
}
