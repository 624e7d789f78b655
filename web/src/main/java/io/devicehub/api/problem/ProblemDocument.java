package io.devicehub.api.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.util.List;

/**
 * The shape of a problem in the OpenAPI document ({@link Problem} writes it with JSON-P; this record only
 * describes it).
 */
@Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json).", properties = {
        @SchemaProperty(name = "type", description = "Stable identifier of the kind of problem; switch on it.",
                example = "urn:devicehub:problem:device-offline"),
        @SchemaProperty(name = "title", description = "Short summary of the kind of problem.",
                example = "The device is offline"),
        @SchemaProperty(name = "status", description = "The HTTP status.", example = "503"),
        @SchemaProperty(name = "detail", description = "What happened this time, for people.",
                example = "Device greenhouse-1 is offline."),
        @SchemaProperty(name = "instance", description = "For unexpected errors: the incident id in the server's log.",
                example = "urn:uuid:3f1c6c1e-6c61-4d1e-9a55-1a2b3c4d5e6f"),
        @SchemaProperty(name = "errors", description = "For invalid input: one entry per invalid field."),
        @SchemaProperty(name = "retryAfter",
                description = "For 429 and device-busy: seconds to wait (also the Retry-After header).",
                example = "4")})
public record ProblemDocument(String type, String title, int status, String detail, String instance,
        List<FieldErrorDocument> errors, Long retryAfter) {

    /** One invalid field. */
    @Schema(name = "FieldError", properties = {
            @SchemaProperty(name = "field", example = "identifier"),
            @SchemaProperty(name = "message", example = "must be 1 to 32 letters, digits, '_' or '-'")})
    public record FieldErrorDocument(String field, String message) {
    }
}
