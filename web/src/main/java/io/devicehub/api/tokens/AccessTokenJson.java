package io.devicehub.api.tokens;

import io.devicehub.token.IssuedToken;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A new access token (the field names follow OAuth 2's token responses where they overlap). */
@Schema(name = "AccessToken", properties = {
        @SchemaProperty(name = "expiresAt", type = SchemaType.STRING, format = "date-time"),
        @SchemaProperty(name = "token",
                description = "Send it as 'Authorization: Bearer <token>'. Shown once; stored only as a hash.",
                example = "dh_at_8Hn3kQ…"),
        @SchemaProperty(name = "tokenType", example = "Bearer"),
        @SchemaProperty(name = "expiresIn", description = "Seconds until it expires.", example = "3600"),
        @SchemaProperty(name = "scopes",
                example = "[\"devices:read\", \"devices:write\", \"resources:call\", \"buckets:read\", "
                        + "\"buckets:write\"]")})
@JsonbPropertyOrder({"token", "tokenType", "expiresAt", "expiresIn", "scopes"})
public record AccessTokenJson(String token, String tokenType, Instant expiresAt, long expiresIn, List<String> scopes) {

    static AccessTokenJson of(IssuedToken issued) {
        Instant expiresAt = issued.token().getExpiresAt();
        return new AccessTokenJson(issued.secret(), "Bearer", expiresAt,
                Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds()),
                ScopeNames.of(issued.token().getScopes()));
    }

    @Override
    public String toString() {
        return "AccessTokenJson[token=<hidden>, expiresAt=" + expiresAt + "]";
    }
}
