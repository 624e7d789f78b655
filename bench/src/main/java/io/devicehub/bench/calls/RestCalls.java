package io.devicehub.bench.calls;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.HdrHistogram.Histogram;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One relayed call per {@link #call}: {@code POST /api/v1/devices/<device>/resources/echo} with {@code {"n": seq}},
 * spread round-robin over the echo devices. A call succeeds only when the device's answer comes back unchanged; the
 * API's {@code durationMs} (the server's own view of the device round trip) is kept to split the latency.
 */
final class RestCalls implements CallTarget {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final ApiToken token;
    private final URI[] echoes;
    private final Histogram deviceLegMillis = new Histogram(60_000, 2);

    RestCalls(HttpClient http, URI base, ApiToken token, String[] devices) {
        this.http = http;
        this.token = token;
        this.echoes = new URI[devices.length];
        for (int i = 0; i < devices.length; i++) {
            echoes[i] = base.resolve("/api/v1/devices/" + devices[i] + "/resources/echo");
        }
    }

    @Override
    public CompletableFuture<String> call(long sequence) {
        HttpRequest request = HttpRequest.newBuilder(echoes[(int) (sequence % echoes.length)])
                .header("Authorization", token.authorization())
                .header("Content-Type", "application/json")
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + sequence + "}"))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure != null ? failure.getClass().getSimpleName()
                        : check(response, sequence));
    }

    private String check(HttpResponse<String> response, long sequence) {
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode() + " " + problemType(response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject answer = reader.readObject();
            JsonObject output = answer.getJsonObject("output");
            if (output == null || output.getJsonNumber("n") == null || output.getJsonNumber("n").longValue() != sequence) {
                return "wrong answer";
            }
            synchronized (deviceLegMillis) {
                deviceLegMillis.recordValue(Math.max(0, Math.min(60_000, answer.getInt("durationMs", 0))));
            }
            return null;
        } catch (RuntimeException malformed) {
            return "unreadable answer";
        }
    }

    /** The server's own measure of the device round trip ({@code durationMs}, whole milliseconds). */
    JsonObject deviceLeg() {
        synchronized (deviceLegMillis) {
            return Json.createObjectBuilder().add("count", deviceLegMillis.getTotalCount())
                    .add("meanMs", Math.round(deviceLegMillis.getMean() * 100) / 100.0)
                    .add("p50Ms", deviceLegMillis.getValueAtPercentile(50))
                    .add("p99Ms", deviceLegMillis.getValueAtPercentile(99)).build();
        }
    }

    void resetDeviceLeg() {
        synchronized (deviceLegMillis) {
            deviceLegMillis.reset();
        }
    }

    /** The slug of a problem+json body's type ({@code urn:devicehub:problem:device-offline}). */
    private static String problemType(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            String type = reader.readObject().getString("type", "");
            return type.substring(type.lastIndexOf(':') + 1);
        } catch (RuntimeException notProblem) {
            return "";
        }
    }
}
