package io.devicehub.client;

import jakarta.json.JsonObject;

/**
 * A call or a subscription on the WebSocket API failed: the server's problem (RFC 9457 members, the same types as the
 * REST API's, e.g. {@code urn:devicehub:problem:device-offline}), or the socket ended before the answer.
 */
public class ApiCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient JsonObject problem;

    ApiCallException(JsonObject problem) {
        super(problem.getString("detail", problem.getString("title", "the call failed")));
        this.problem = problem;
    }

    ApiCallException(String message) {
        super(message);
        this.problem = null;
    }

    /** The problem's type without its prefix ({@code device-offline}), or {@code null} when the socket ended. */
    public String problemType() {
        if (problem == null) {
            return null;
        }
        String type = problem.getString("type", "");
        return type.substring(type.lastIndexOf(':') + 1);
    }

    /** The whole problem as the server sent it, or {@code null} when the socket ended. */
    public JsonObject problem() {
        return problem;
    }
}
