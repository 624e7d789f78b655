package io.devicehub.api;

import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemDocument;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Map;

/**
 * The REST API. Its path is {@code /api} rather than {@code /api/v1} so that every request under {@code /api/},
 * even to a path that does not exist, is answered by the API with a problem instead of a console page.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "DeviceHub API", version = "1",
                description = "Everything the DeviceHub console does, over HTTP: devices, their live statistics and "
                        + "connection history, calls of the resources devices declare, data buckets (the time series "
                        + "devices send, the server samples or programs write), and API tokens. "
                        + "Authenticate with 'Authorization: Bearer <token>': an access token from POST "
                        + "/api/v1/auth/token, or an API token created in the console. Errors are RFC 9457 problems "
                        + "(application/problem+json) with stable 'type' URIs."),
        security = @SecurityRequirement(name = ApiApplication.BEARER),
        components = @Components(
                schemas = @Schema(name = "AnyJson", description = "Any JSON value: an object, an array, a string, "
                        + "a number, true, false or null."),
                securitySchemes = @SecurityScheme(securitySchemeName = ApiApplication.BEARER,
                        type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "dh_pat_… or dh_at_…",
                        description = "An API token (dh_pat_…) or an access token (dh_at_…)."),
                responses = {
                        @APIResponse(name = "InvalidInput", responseCode = "400",
                                description = "Invalid input (errors lists each field), malformed JSON (also nested "
                                        + "deeper than 32 levels, numbers of more than 100 characters, a member named "
                                        + "twice), or two Authorization headers.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = ProblemDocument.class))),
                        @APIResponse(name = "NotAuthenticated", responseCode = "401",
                                description = "No token, or a malformed, unknown, expired or revoked one.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = ProblemDocument.class))),
                        @APIResponse(name = "Forbidden", responseCode = "403",
                                description = "The token lacks the scope, or is limited to another device or "
                                        + "other resources (on bucket endpoints: to any device).",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = ProblemDocument.class))),
                        @APIResponse(name = "NotFound", responseCode = "404",
                                description = "No such device, bucket or token in this account. Another "
                                        + "account's device or bucket is not found either.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = ProblemDocument.class))),
                        @APIResponse(name = "TooManyAttempts", responseCode = "429",
                                description = "Too many failed sign-ins for this username from this address (or "
                                        + "for it from everywhere, or from this address for any), or token checks from "
                                        + "this address; wait Retry-After seconds.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = ProblemDocument.class)))}))
public class ApiApplication extends Application {

    static final String BEARER = "bearer";

    /**
     * Jersey would also describe the API as WADL at /api/application.wadl and in answers to OPTIONS, naming its
     * own version; /openapi is the one description.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
