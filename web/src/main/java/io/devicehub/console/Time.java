package io.devicehub.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on console pages: absolute in UTC (the server does not know the reader's zone) and relative to now. */
@Named
@ApplicationScoped
public class Time {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String format(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** A time in milliseconds since 1970, as {@link #format(Instant)}, with its milliseconds when it has any. */
    public String millis(long millis) {
        Instant instant = Instant.ofEpochMilli(millis);
        return millis % 1000 == 0 ? UTC.format(instant) : UTC_MILLIS.format(instant);
    }

    /** "just now", "5 minutes ago", "3 days ago". */
    public String ago(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration elapsed = Duration.between(instant, Instant.now());
        if (elapsed.toSeconds() < 45) {
            return "just now";
        }
        if (elapsed.toMinutes() < 60) {
            return plural(Math.max(1, elapsed.toMinutes()), "minute");
        }
        if (elapsed.toHours() < 24) {
            return plural(elapsed.toHours(), "hour");
        }
        return plural(elapsed.toDays(), "day");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s") + " ago";
    }
}
