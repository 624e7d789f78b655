package io.devicehub.bench.calls;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An access token for the benchmark account, from {@code POST /api/v1/auth/token}: what a script calling the API
 * would do. It is kept in memory only and never printed ({@link #toString()} hides it).
 */
public final class ApiToken {

    private final String secret;

    private ApiToken(String secret) {
        this.secret = secret;
    }

    public static ApiToken signIn(HttpClient http, URI base, String username, String password)
            throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("signing in to the API failed: HTTP " + response.statusCode());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject token = reader.readObject();
            return new ApiToken(token.getString("token"));
        }
    }

    /** The secret itself, for the WebSocket API's {@code auth} message; never printed. */
    String secret() {
        return secret;
    }

    public String authorization() {
        return "Bearer " + secret;
    }

    @Override
    public String toString() {
        return "ApiToken[<hidden>]";
    }
}
