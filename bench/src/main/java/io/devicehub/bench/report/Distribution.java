package io.devicehub.bench.report;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Arrays;

/**
 * Exact percentiles of a small sample (a few thousand values, e.g. one per device), by the nearest-rank method: the
 * p-th percentile is the smallest value with at least p % of the sample at or below it.
 */
public final class Distribution {

    private final long[] sorted;

    public Distribution(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** @param percentile in (0, 100] */
    public long percentile(double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    public long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** {@code count, p50, p90, p99, max} in the unit of the values. */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("count", count());
        if (count() > 0) {
            json.add("p50", percentile(50)).add("p90", percentile(90)).add("p99", percentile(99)).add("max", max());
        }
        return json.build();
    }
}
