package io.devicehub.bench.report;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of an HdrHistogram recorded in microseconds, reported in milliseconds with microsecond
 * precision: p50, p90, p95, p99, p99.9 and max, plus the count and mean.
 */
public final class LatencyReport {

    /** Up to a minute, 3 significant digits: 0.1 % error at any latency. */
    public static Histogram newHistogram() {
        return new Histogram(60_000_000L, 3);
    }

    private LatencyReport() {
    }

    public static JsonObject of(Histogram micros) {
        return Json.createObjectBuilder()
                .add("count", micros.getTotalCount())
                .add("meanMs", millis(Math.round(micros.getMean())))
                .add("p50Ms", millis(micros.getValueAtPercentile(50)))
                .add("p90Ms", millis(micros.getValueAtPercentile(90)))
                .add("p95Ms", millis(micros.getValueAtPercentile(95)))
                .add("p99Ms", millis(micros.getValueAtPercentile(99)))
                .add("p999Ms", millis(micros.getValueAtPercentile(99.9)))
                .add("maxMs", millis(micros.getMaxValue()))
                .build();
    }

    /** One line for the console: {@code p50 0.82 ms, p99 3.10 ms, p99.9 8.00 ms, max 12.40 ms}. */
    public static String line(Histogram micros) {
        return String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
                millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()));
    }

    static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
