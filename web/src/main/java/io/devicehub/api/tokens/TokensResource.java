package io.devicehub.api.tokens;

import io.devicehub.api.json.JsonBody;
import io.devicehub.api.security.CurrentCaller;
import io.devicehub.api.security.RequiresAccessToken;
import io.devicehub.token.ApiTokens;
import io.devicehub.token.IssuedToken;
import io.devicehub.token.TokenNotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * {@code /api/v1/tokens}: the account's API tokens. Managed only with an access token issued for the password
 * ({@link RequiresAccessToken}), so a leaked API token can never mint or revoke others.
 */
@Path("v1/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RequiresAccessToken
@Tag(name = "API tokens", description = "Named, scoped account tokens, managed with an access token")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", description = "Not an access token (access-token-required)",
        content = @Content(mediaType = "application/problem+json"))
public class TokensResource {

    @Inject
    ApiTokens tokens;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List API tokens", description = "Newest first, with their status; never their secrets.")
    @APIResponse(responseCode = "200", description = "The tokens",
            content = @Content(schema = @Schema(implementation = TokenJson[].class)))
    public List<TokenJson> list() {
        return tokens.list(caller.get().accountId()).stream().map(token -> TokenJson.of(token, null)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API token", description = "Named, scoped, optionally expiring, optionally "
            + "limited to one device and some of its resources. The answer carries the secret, once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewApiToken"),
            examples = {
                    @ExampleObject(name = "read everything", value = "{\"name\": \"dashboard\", \"scopes\": "
                            + "[\"devices:read\"]}"),
                    @ExampleObject(name = "one device, one resource, a month", value = "{\"name\": \"thermostat\", "
                            + "\"scopes\": [\"resources:call\"], \"device\": \"greenhouse-1\", \"resources\": "
                            + "[\"temperature\"], \"expiresAt\": \"2027-01-31T00:00:00Z\"}")}))
    @APIResponse(responseCode = "201", description = "Created; the token member is the secret, shown this once",
            content = @Content(schema = @Schema(implementation = TokenJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    public Response create(JsonBody body) {
        IssuedToken issued = tokens.create(caller.get().token(),
                NewTokenRequest.from(JsonBody.required(body).object()));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(issued.token().getId())).build())
                .entity(TokenJson.of(issued.token(), issued.secret()))
                .build();
    }

    @GET
    @Path("{tokenId}")
    @Operation(summary = "Read an API token")
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(schema = @Schema(implementation = TokenJson.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TokenJson get(@Parameter(description = "The token's id.", example = "17") @PathParam("tokenId") String id) {
        return TokenJson.of(tokens.get(caller.get().accountId(), tokenId(id)), null);
    }

    @DELETE
    @Path("{tokenId}")
    @Operation(summary = "Revoke an API token", description = "It stops working at once and stays listed as revoked.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revoke(@PathParam("tokenId") String id) {
        tokens.revoke(caller.get().accountId(), tokenId(id));
    }

    /** Token ids are numbers; anything else names no token. */
    private static long tokenId(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new TokenNotFoundException(id);
        }
        return Long.parseLong(id);
    }
}
