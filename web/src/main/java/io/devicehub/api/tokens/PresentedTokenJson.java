package io.devicehub.api.tokens;

import io.devicehub.token.AuthenticatedToken;
import io.devicehub.token.TokenKind;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;
import java.util.List;

/** What the presented token is: whose, of which kind, allowing what, until when. */
@Schema(name = "PresentedToken", properties = {
        @SchemaProperty(name = "expiresAt", type = SchemaType.STRING, format = "date-time"),
        @SchemaProperty(name = "account", description = "The account's username.", example = "alice"),
        @SchemaProperty(name = "kind", enumeration = {"api", "access"}),
        @SchemaProperty(name = "id",
                description = "The API token's id (for /api/v1/tokens/{id}); absent for access tokens.")})
@JsonbPropertyOrder({"account", "kind", "id", "scopes", "device", "resources", "expiresAt"})
public record PresentedTokenJson(String account, String kind, Long id, List<String> scopes, String device,
        List<String> resources, Instant expiresAt) {

    static PresentedTokenJson of(AuthenticatedToken token) {
        boolean api = token.kind() == TokenKind.API;
        return new PresentedTokenJson(token.username(), api ? "api" : "access", api ? token.tokenId() : null,
                ScopeNames.of(token.scopes()), token.device(),
                token.resources().isEmpty() ? null : token.resources().stream().sorted().toList(), token.expiresAt());
    }
}
