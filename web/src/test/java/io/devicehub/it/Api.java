package io.devicehub.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API as a program uses it: a real HTTP client against the running server, with the steps the tests
 * repeat (sign in for an access token, create an API token) and the checks every problem answer must pass.
 */
final class Api {

    static final String JSON = "application/json";
    private static final Pattern STACK_TRACE =
            Pattern.compile("Exception|Caused by|\\bat [\\w.$]+\\(|\\.java:\\d+|org\\.glassfish|fish\\.payara"
                    + "|jakarta\\.");

    /** HTTP/1.1, as curl and most programs speak to a plain-http API (the JDK client would try an h2c upgrade). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    Api(URL base) {
        try {
            this.base = base.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The server's own root, where /openapi and /health live whatever the application's context path is. */
    URI serverRoot() {
        return base.resolve("/");
    }

    URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The WebSocket address devices connect to. */
    URI deviceEndpoint() {
        return URI.create(uri("ws/devices").toString().replaceFirst("^http", "ws"));
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(70));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    Reply post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patch(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", JSON)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    /** An access token for the account, with all scopes. */
    String accessToken(String username, String password) {
        Reply reply = post("api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"}");
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("token");
    }

    /** Creates an API token with the access token and returns its secret. */
    String apiToken(String accessToken, String requestJson) {
        Reply reply = post("api/v1/tokens", accessToken, requestJson);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("token");
    }

    /** Registers a device with a generated credential and returns the credential. */
    String register(String token, String identifier) {
        Reply reply = post("api/v1/devices", token, "{\"identifier\":\"" + identifier + "\",\"generate\":true}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("credential");
    }

    /** One answer. */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonObject json() {
            return value().asJsonObject();
        }

        JsonValue value() {
            return Json.createReader(new StringReader(body)).readValue();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        /** Asserts an RFC 9457 problem of this status and type, and that it shows nothing of the server's inside. */
        Reply assertProblem(int expectedStatus, String slug) {
            assertEquals(expectedStatus, status, body);
            assertTrue(contentType() != null && contentType().startsWith("application/problem+json"),
                    "content type " + contentType());
            JsonObject problem = json();
            assertEquals("urn:devicehub:problem:" + slug, problem.getString("type"), body);
            assertEquals(expectedStatus, problem.getInt("status"), body);
            assertFalse(problem.getString("title").isBlank(), body);
            assertFalse(problem.getString("detail").isBlank(), body);
            assertFalse(STACK_TRACE.matcher(body).find(), "server details in " + body);
            return this;
        }

        Reply assertCreated() {
            assertEquals(201, status, body);
            return this;
        }

        String detail() {
            return json().getString("detail");
        }

        /** The field names of a 400's errors, in order. */
        java.util.List<String> errorFields() {
            return json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(error -> error.getString("field")).toList();
        }
    }
}
