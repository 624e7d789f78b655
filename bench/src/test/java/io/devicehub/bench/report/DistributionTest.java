package io.devicehub.bench.report;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DistributionTest {

    @Test
    void percentilesAreNearestRankOfTheSortedSample() {
        Distribution hundred = new Distribution(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());

        assertEquals(50, hundred.percentile(50));
        assertEquals(90, hundred.percentile(90));
        assertEquals(99, hundred.percentile(99));
        assertEquals(100, hundred.percentile(100));
        assertEquals(1, hundred.percentile(0.5));
        assertEquals(100, hundred.max());
    }

    @Test
    void aSmallSampleRoundsUpToAnActualValue() {
        Distribution three = new Distribution(new long[]{30, 10, 20});

        assertEquals(20, three.percentile(50));
        assertEquals(30, three.percentile(90));
    }

    @Test
    void anEmptySampleReportsItsCountOnly() {
        JsonObject json = new Distribution(new long[0]).toJson();

        assertEquals(0, json.getInt("count"));
        assertFalse(json.containsKey("p50"));
    }
}
