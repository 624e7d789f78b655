package io.devicehub.bench.buckets;

import io.devicehub.bench.calls.ApiToken;
import io.devicehub.bench.calls.CallTarget;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** The bucket endpoints of the REST API that the benchmark drives, as a client written from the README would. */
final class BucketApi {

    private final HttpClient http;
    private final URI base;
    private final ApiToken token;

    BucketApi(HttpClient http, URI base, ApiToken token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    /** Creates the bucket afresh: deletes one of that identifier first. */
    void create(String identifier, String source) throws IOException, InterruptedException {
        send(request("/api/v1/buckets/" + identifier).DELETE());
        HttpResponse<String> created = send(request("/api/v1/buckets").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"" + identifier + "\",\"name\":\""
                        + identifier + "\",\"source\":{\"type\":\"" + source + "\"}}")));
        if (created.statusCode() != 201) {
            throw new IOException("creating bucket " + identifier + ": HTTP " + created.statusCode() + " "
                    + created.body());
        }
    }

    /** The bucket's record count as the server keeps it. */
    long records(String identifier) throws IOException, InterruptedException {
        HttpResponse<String> bucket = send(request("/api/v1/buckets/" + identifier).GET());
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"records\":(\\d+)").matcher(bucket.body());
        if (bucket.statusCode() != 200 || !count.find()) {
            throw new IOException("reading bucket " + identifier + ": HTTP " + bucket.statusCode());
        }
        return Long.parseLong(count.group(1));
    }

    /**
     * Each call writes a batch of {@code size} records with timestamps of their own, one millisecond apart and
     * never repeated, so that every one is added.
     */
    CallTarget batches(String identifier, int size, long firstTs) {
        AtomicLong next = new AtomicLong(firstTs);
        return sequence -> {
            long ts = next.getAndAdd(size);
            StringBuilder body = new StringBuilder(size * 60).append('[');
            for (int i = 0; i < size; i++) {
                body.append(i == 0 ? "" : ",").append("{\"ts\":").append(ts + i).append(",\"value\":{\"celsius\":")
                        .append((ts + i) % 400 / 10.0).append(",\"humidity\":").append((ts + i) % 70).append("}}");
            }
            return answer(request("/api/v1/buckets/" + identifier + "/records")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())));
        };
    }

    /**
     * Each call reads a page of the newest records. Each asks for a range ending a millisecond later than the one
     * before (all in the future: the same records), so that no database answers from a cache of the last result —
     * H2 reuses a query's result while its tables are unchanged.
     */
    CallTarget newest(String identifier, int limit) {
        long future = System.currentTimeMillis() + 3_600_000L;
        return sequence -> answer(request("/api/v1/buckets/" + identifier + "/records?limit=" + limit + "&to="
                + (future + sequence)).GET());
    }

    /**
     * Each call aggregates {@code [from, to)} by {@code interval}; {@code to} a millisecond later each time (past
     * the newest record: the same result), for the reason {@link #newest} gives.
     */
    CallTarget aggregate(String identifier, String interval, String function, long from, long to) {
        return sequence -> answer(request("/api/v1/buckets/" + identifier + "/aggregate?interval=" + interval
                + "&function=" + function + "&from=" + from + "&to=" + (to + sequence)).GET());
    }

    /** Streams an export of {@code [from, to)}, counting its lines without keeping them. */
    long exportLines(String identifier, String format, long from, long to) throws IOException, InterruptedException {
        HttpResponse<InputStream> export = http.send(request("/api/v1/buckets/" + identifier + "/export?format="
                + format + "&from=" + from + "&to=" + to).timeout(Duration.ofMinutes(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (export.statusCode() != 200) {
            throw new IOException("export: HTTP " + export.statusCode());
        }
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = export.body()) {
            for (int read; (read = body.read(buffer)) > 0; ) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private CompletableFuture<String> answer(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failed) -> failed != null ? failed.getClass().getSimpleName()
                        : response.statusCode() == 200 ? null : "HTTP " + response.statusCode());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", token.authorization())
                .timeout(Duration.ofSeconds(60));
    }
}
