package io.devicehub.bench.report;

import jakarta.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyReportTest {

    @Test
    void microsecondsAreReportedAsMillisecondsAtEachPercentile() {
        Histogram micros = LatencyReport.newHistogram();
        for (int i = 1; i <= 1_000; i++) {
            micros.recordValue(i * 10L); // 10 µs … 10 ms
        }

        JsonObject report = LatencyReport.of(micros);

        assertEquals(1_000, report.getInt("count"));
        assertEquals(5.0, report.getJsonNumber("p50Ms").doubleValue(), 0.01);
        assertEquals(9.0, report.getJsonNumber("p90Ms").doubleValue(), 0.01);
        assertEquals(9.9, report.getJsonNumber("p99Ms").doubleValue(), 0.01);
        assertEquals(9.99, report.getJsonNumber("p999Ms").doubleValue(), 0.01);
        assertEquals(10.0, report.getJsonNumber("maxMs").doubleValue(), 0.01);
    }

    @Test
    void oneStallWeighsAsMuchAsTheCallsItHeldUp() {
        // What the fixed-rate driver records: 99 calls of 1 ms, and the calls due during a 100 ms stall, each
        // counted from when it was due (100, 99, … ms), not just the one that met the stall.
        Histogram micros = LatencyReport.newHistogram();
        for (int i = 0; i < 900; i++) {
            micros.recordValue(1_000);
        }
        for (int late = 100; late > 0; late--) {
            micros.recordValue(late * 1_000L);
        }

        JsonObject report = LatencyReport.of(micros);
        assertEquals(1.0, report.getJsonNumber("p50Ms").doubleValue(), 0.01);
        assertEquals(90.0, report.getJsonNumber("p99Ms").doubleValue(), 0.1);
    }

    @Test
    void theConsoleLineShowsTheTailToo() {
        Histogram micros = LatencyReport.newHistogram();
        micros.recordValue(1_500);

        assertEquals("p50 1.50 ms, p90 1.50 ms, p99 1.50 ms, p99.9 1.50 ms, max 1.50 ms", LatencyReport.line(micros));
    }
}
