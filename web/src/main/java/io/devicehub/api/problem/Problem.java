package io.devicehub.api.problem;

import io.devicehub.common.FieldError;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, and where they apply
 * {@code instance} (an incident id for unexpected errors), {@code errors} (one {@code {field, message}} per invalid
 * field) and {@code retryAfter} (seconds, also sent as the {@code Retry-After} header). Immutable; the
 * {@code with…} methods return changed copies.
 */
public final class Problem {

    /** Looked up once: {@code Json.create…} would search the class path for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final String instance;
    private final List<FieldError> errors;
    private final Long retryAfter;
    private final Map<String, String> headers;

    private Problem(int status, String type, String title, String detail, String instance, List<FieldError> errors,
                    Long retryAfter, Map<String, String> headers) {
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.instance = instance;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
        this.headers = Map.copyOf(headers);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.status(), type.uri(), type.title(), Objects.requireNonNull(detail), null, List.of(),
                null, Map.of());
    }

    /**
     * A problem that is nothing more than its HTTP status (RFC 9457's {@code about:blank}), for statuses without a
     * type of their own.
     */
    public static Problem ofStatus(int status, String detail) {
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase()
                : family == Response.Status.Family.SERVER_ERROR ? "Server error" : "Client error";
        return new Problem(status, "about:blank", title, Objects.requireNonNull(detail), null, List.of(), null,
                Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(status, type, title, detail, instance, fieldErrors, retryAfter, headers);
    }

    public Problem withInstance(String newInstance) {
        return new Problem(status, type, title, detail, newInstance, errors, retryAfter, headers);
    }

    /** Says when to try again, in whole seconds (at least 1), in the body and the {@code Retry-After} header. */
    public Problem withRetryAfter(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new Problem(status, type, title, detail, instance, errors, seconds,
                with(headers, "Retry-After", Long.toString(seconds)));
    }

    public Problem withHeader(String name, String value) {
        return new Problem(status, type, title, detail, instance, errors, retryAfter, with(headers, name, value));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public String instance() {
        return instance;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (instance != null) {
            json.add("instance", instance);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            errors.forEach(error -> list.add(JSON.createObjectBuilder()
                    .add("field", error.field())
                    .add("message", error.message())));
            json.add("errors", list);
        }
        if (retryAfter != null) {
            json.add("retryAfter", retryAfter);
        }
        return json.build();
    }

    /** The response: the status, the headers, and the JSON as text so that no provider can change its type. */
    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(toJson().toString());
        headers.forEach(response::header);
        return response.build();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }
}
