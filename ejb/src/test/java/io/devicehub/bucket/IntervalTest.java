package io.devicehub.bucket;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intervals from a minute to a year, and the calendar their slots follow. */
class IntervalTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void anIntervalIsANumberAndAUnitUpToAYear() {
        assertEquals(new Interval(15, ChronoUnit.MINUTES), Interval.parse("15m").orElseThrow());
        assertEquals(new Interval(1, ChronoUnit.MONTHS), Interval.parse(" 1mo ").orElseThrow());
        assertEquals("3mo", Interval.parse("3mo").orElseThrow().toString());
        assertEquals("12mo", Interval.parse("12mo").orElseThrow().toString());
        for (String bad : List.of("", "m", "0h", "1x", "13mo", "2y", "367d", "54w", "1.5h", "-1h", "12345m")) {
            assertTrue(Interval.parse(bad).isEmpty(), bad);
        }
    }

    private static ZonedDateTime berlin(String local) {
        return java.time.LocalDateTime.parse(local).atZone(BERLIN);
    }

    @Test
    void slotsStartOnTheCalendarOfTheZone() {
        assertEquals(berlin("2026-03-29T10:45"), floor("15m", "2026-03-29T10:59:59"));
        assertEquals(berlin("2026-03-29T00:00"), floor("1d", "2026-03-29T23:30"));
        assertEquals(berlin("2026-11-30T00:00"), floor("1w", "2026-12-06T12:00"), "weeks start on Monday");
        assertEquals(berlin("2026-10-01T00:00"), floor("3mo", "2026-12-02T08:00"), "quarters");
        assertEquals(berlin("2026-01-01T00:00"), floor("1y", "2026-12-31T23:59"));
        assertEquals(berlin("2026-12-01T00:00"), floor("1mo", "2026-12-01T00:00"), "a start is its own slot");
    }

    private static ZonedDateTime floor(String interval, String local) {
        return Interval.parse(interval).orElseThrow().floor(berlin(local));
    }

    @Test
    void aDayIsADayOfTheCalendarAndAnHourIsAnHour() {
        Interval day = Interval.parse("1d").orElseThrow();
        ZonedDateTime springForward = berlin("2026-03-29T00:00");
        assertEquals(23, java.time.Duration.between(springForward, day.next(springForward)).toHours());
        Interval hour = Interval.parse("1h").orElseThrow();
        assertEquals(3_600_000, hour.lengthMillis());
        assertEquals(springForward.plusHours(3), hour.next(hour.next(hour.next(springForward))));
    }
}
