package io.devicehub.bench.calls;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import org.HdrHistogram.Histogram;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One relayed call per {@link #call}: {@code POST /api/v1/devices/<device>/resources/echo} with {@code {"n": seq}},
 * spread round-robin over the echo devices. A call succeeds only when the device's answer comes back unchanged; the
 * API's {@code durationMs} (the server's own view of the device round trip) is kept to split the latency. The
 * requests are what a typical HTTP/1.1 client sends ({@code Host}, {@code Authorization}, {@code Content-Type},
 * {@code Content-Length}), over {@link LightHttp}'s keep-alive connections.
 */
final class RestCalls implements CallTarget {

    /** One factory: {@code Json.createReader} would look the provider up on every answer. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final LightHttp http;
    /** Per echo device, the request up to the value of {@code Content-Length}. */
    private final String[] heads;
    private final Histogram deviceLegMillis = new Histogram(60_000, 2);

    RestCalls(LightHttp http, URI base, ApiToken token, String[] devices) {
        this.http = http;
        this.heads = new String[devices.length];
        for (int i = 0; i < devices.length; i++) {
            heads[i] = "POST /api/v1/devices/" + devices[i] + "/resources/echo HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: " + token.authorization() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: ";
        }
    }

    @Override
    public CompletableFuture<String> call(long sequence) {
        String body = "{\"n\":" + sequence + "}";
        byte[] request = (heads[(int) (sequence % heads.length)] + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
        return http.send(request).handle((response, failure) -> failure != null
                ? (failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName())
                : check(response, sequence));
    }

    private String check(LightHttp.Response response, long sequence) {
        if (response.status() != 200) {
            return "HTTP " + response.status() + " " + problemType(response.body());
        }
        try (JsonReader reader = READERS.createReader(new StringReader(response.body()))) {
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
        try (JsonReader reader = READERS.createReader(new StringReader(body))) {
            String type = reader.readObject().getString("type", "");
            return type.substring(type.lastIndexOf(':') + 1);
        } catch (RuntimeException notProblem) {
            return "";
        }
    }
}
