package io.devicehub.api.tokens;

import io.devicehub.api.json.JsonBody;
import io.devicehub.api.security.CurrentCaller;
import io.devicehub.token.ApiTokens;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/auth/token}: a short-lived access token for a username and password, so that scripts can start
 * without the console; and the presented token itself (what it is, and signing it out).
 */
@Path("v1/auth/token")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "Access tokens for a username and password")
public class AuthTokenResource {

    @Inject
    ApiTokens tokens;

    @Inject
    CurrentCaller caller;

    @Context
    HttpServletRequest request;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(summary = "Get an access token", description = "For a username and password; it lasts an hour "
            + "(devicehub.api.access-token-minutes) and may narrow its scopes. Wrong usernames and passwords get the "
            + "same answer; repeated failures are refused for a while (429).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "SignIn"),
            examples = @ExampleObject(name = "sign in", value = "{\"username\": \"alice\", \"password\": "
                    + "\"correct horse battery staple\"}")))
    @APIResponse(responseCode = "200", description = "The access token, shown once",
            content = @Content(schema = @Schema(implementation = AccessTokenJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "401", description = "Invalid username or password (invalid-credentials)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "429", ref = "TooManyAttempts")
    public AccessTokenJson signIn(JsonBody body) {
        SignInRequest.Parsed signIn = SignInRequest.from(JsonBody.required(body).object());
        return AccessTokenJson.of(tokens.signIn(signIn.username(), signIn.password(), signIn.scopes(),
                request.getRemoteAddr()));
    }

    @GET
    @Operation(summary = "The presented token", description = "Whose it is, its kind, scopes, limits and expiry.")
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(schema = @Schema(implementation = PresentedTokenJson.class)))
    @APIResponse(responseCode = "401", ref = "NotAuthenticated")
    public PresentedTokenJson presented() {
        return PresentedTokenJson.of(caller.get().token());
    }

    @DELETE
    @Operation(summary = "Revoke the presented token", description = "Signs an access token out, or retires an API "
            + "token at once (e.g. one that leaked). Any valid token may revoke itself.")
    @APIResponse(responseCode = "204", description = "Revoked; it no longer works")
    @APIResponse(responseCode = "401", ref = "NotAuthenticated")
    public void revokePresented() {
        tokens.revoke(caller.get().token());
    }
}
