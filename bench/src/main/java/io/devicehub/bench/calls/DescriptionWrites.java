package io.devicehub.bench.calls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One write per {@link #call}: {@code PATCH /api/v1/devices/<device>} of the description, spread round-robin over
 * the writes' own devices, each a small transaction the server answers only once it is committed. It measures what
 * a commit costs on the server's database, which is what durability settings change.
 */
final class DescriptionWrites implements CallTarget {

    static final String PREFIX = "bench-writes-";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final ApiToken token;
    private final URI[] devices;

    DescriptionWrites(HttpClient http, URI base, ApiToken token, int count) {
        this.http = http;
        this.token = token;
        this.devices = new URI[count];
        for (int i = 0; i < count; i++) {
            devices[i] = base.resolve("/api/v1/devices/" + PREFIX + i);
        }
    }

    /** Registers the devices that are not there yet (a registration hashes a credential: it is not timed). */
    void registerDevices(URI base) throws IOException, InterruptedException {
        for (int i = 0; i < devices.length; i++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/devices"))
                    .header("Authorization", token.authorization())
                    .header("Content-Type", "application/json")
                    .timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"" + PREFIX + i
                            + "\",\"generate\":true}"))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 201 && status != 409) {
                throw new IOException("registering " + PREFIX + i + " failed: HTTP " + status);
            }
        }
    }

    @Override
    public CompletableFuture<String> call(long sequence) {
        HttpRequest request = HttpRequest.newBuilder(devices[(int) (sequence % devices.length)])
                .header("Authorization", token.authorization())
                .header("Content-Type", "application/merge-patch+json")
                .timeout(TIMEOUT)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\":\"write " + sequence + "\"}"))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure != null ? failure.getClass().getSimpleName()
                        : response.statusCode() == 200 ? null : "HTTP " + response.statusCode());
    }
}
