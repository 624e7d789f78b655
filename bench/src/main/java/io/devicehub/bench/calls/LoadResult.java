package io.devicehub.bench.calls;

import io.devicehub.bench.report.LatencyReport;
import io.devicehub.bench.report.Tally;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.HdrHistogram.Histogram;

/** What one load phase measured: calls completed and failed, over how long, and their latencies in microseconds. */
public record LoadResult(String mode, long succeeded, Tally errors, long elapsedNanos, Histogram latencyMicros) {

    public double perSecond() {
        return (succeeded + errors.total()) * 1e9 / Math.max(1, elapsedNanos);
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("mode", mode)
                .add("succeeded", succeeded)
                .add("errors", errors.total())
                .add("errorKinds", errors.toJson())
                .add("seconds", Math.round(elapsedNanos / 1e7) / 100.0)
                .add("callsPerSecond", Math.round(perSecond()))
                .add("latency", LatencyReport.of(latencyMicros))
                .build();
    }

    public String line() {
        return String.format("%,.0f calls/s, %,d errors; %s", perSecond(), errors.total(),
                LatencyReport.line(latencyMicros));
    }
}
