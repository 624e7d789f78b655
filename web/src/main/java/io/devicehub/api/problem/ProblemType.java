package io.devicehub.api.problem;

/**
 * Every kind of problem the API answers with. The {@code type} URI ({@code urn:devicehub:problem:<slug>}) and the
 * status of each never change: clients may switch on them. The README lists them.
 */
public enum ProblemType {
    INVALID_INPUT(400, "invalid-input", "The request has invalid input"),
    MALFORMED_JSON(400, "malformed-json", "The body is not valid JSON"),
    NOT_AUTHENTICATED(401, "not-authenticated", "Authentication required"),
    INVALID_CREDENTIALS(401, "invalid-credentials", "Invalid username or password"),
    INSUFFICIENT_SCOPE(403, "insufficient-scope", "The token lacks a scope this needs"),
    TOKEN_RESTRICTED(403, "token-restricted", "The token is limited to another device or other resources"),
    ACCESS_TOKEN_REQUIRED(403, "access-token-required", "Only an access token issued for a password may do this"),
    NOT_FOUND(404, "not-found", "No such endpoint"),
    DEVICE_NOT_FOUND(404, "device-not-found", "No such device"),
    TOKEN_NOT_FOUND(404, "token-not-found", "No such API token"),
    UNKNOWN_RESOURCE(404, "unknown-resource", "The device has no such resource"),
    BUCKET_NOT_FOUND(404, "bucket-not-found", "No such bucket"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    ALREADY_EXISTS(409, "already-exists", "Already exists"),
    CONCURRENT_UPDATE(409, "concurrent-update", "Changed by someone else at the same time"),
    BUCKET_DISABLED(409, "bucket-disabled", "The bucket is disabled"),
    WRONG_SOURCE(409, "wrong-source", "The bucket takes its records from another source"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    TOO_MANY_ATTEMPTS(429, "too-many-attempts", "Too many failed attempts"),
    SLOW_DOWN(429, "slow-down", "Writes arrive faster than they can be stored"),
    TOO_MANY_CALLS(429, "too-many-calls", "Too many calls in flight on this connection"),
    INTERNAL_ERROR(500, "internal-error", "Internal server error"),
    DEVICE_ERROR(502, "device-error", "The device reported an error"),
    INVALID_ANSWER(502, "invalid-answer", "The device's answer broke the protocol"),
    DEVICE_OFFLINE(503, "device-offline", "The device is offline"),
    DEVICE_BUSY(503, "device-busy", "The device is busy"),
    SERVER_BUSY(503, "server-busy", "The server is running as much of this as it takes"),
    DEVICE_TIMEOUT(504, "device-timeout", "The device did not answer in time"),
    /** A request the API refused for a reason without a type of its own (e.g. an unusual JAX-RS status). */
    BAD_REQUEST(400, "bad-request", "Bad request");

    /** What every type URI starts with. */
    public static final String URI_PREFIX = "urn:devicehub:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    /** The stable {@code type} member, e.g. {@code urn:devicehub:problem:device-offline}. */
    public String uri() {
        return URI_PREFIX + slug;
    }

    public String title() {
        return title;
    }
}
