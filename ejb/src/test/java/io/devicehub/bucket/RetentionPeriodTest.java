package io.devicehub.bucket;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How long records are kept. */
class RetentionPeriodTest {

    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    @Test
    void calendarUnitsCountBackOnTheCalendar() {
        assertEquals(Instant.parse("2026-02-28T12:00:00Z"),
                new RetentionPeriod(1, RetentionUnit.MONTHS).cutoff(NOW).orElseThrow(), "no 31 February");
        assertEquals(Instant.parse("2025-03-31T12:00:00Z"),
                new RetentionPeriod(1, RetentionUnit.YEARS).cutoff(NOW).orElseThrow());
        assertEquals(Instant.parse("2026-03-31T10:00:00Z"),
                new RetentionPeriod(2, RetentionUnit.HOURS).cutoff(NOW).orElseThrow());
        assertTrue(RetentionPeriod.FOREVER.cutoff(NOW).isEmpty());
    }

    @Test
    void atMostAHundredYears() {
        assertTrue(new RetentionPeriod(100, RetentionUnit.YEARS).isValid());
        assertFalse(new RetentionPeriod(101, RetentionUnit.YEARS).isValid());
        assertFalse(new RetentionPeriod(-1, RetentionUnit.DAYS).isValid());
        assertTrue(new RetentionPeriod(876_000, RetentionUnit.HOURS).isValid());
    }
}
