package io.devicehub.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TrafficTest {

    @Test
    void framesCountTheirHeadersTheMaskOfDevicesAndUtf8Bytes() {
        assertEquals(2 + 4 + 15, Traffic.frameBytes("{\"type\":\"ping\"}", true));
        assertEquals(2 + 15, Traffic.frameBytes("{\"type\":\"ping\"}", false));
        assertEquals(4 + 200, Traffic.frameBytes("x".repeat(200), false));
        assertEquals(10 + 70_000, Traffic.frameBytes("x".repeat(70_000), false));
        assertEquals(2 + 2 + 3 + 4, Traffic.frameBytes("é€😀", false));
    }

    @Test
    void aBurstAboveTheRateIsRefusedAndTheRateRecovers() throws InterruptedException {
        RateLimit limit = new RateLimit(100);
        int allowed = 0;
        while (limit.tryAcquire()) {
            allowed++;
        }
        assertEquals(200, allowed, "bursts of twice the rate");
        assertFalse(limit.tryAcquire());
        Thread.sleep(50);
        assertEquals(true, limit.tryAcquire(), "about five more per 50 ms");
    }
}
