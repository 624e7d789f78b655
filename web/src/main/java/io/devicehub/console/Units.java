package io.devicehub.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Duration;
import java.util.Locale;

/** Numbers on console pages in units people read: bytes in B/KiB/MiB/GiB, durations in d/h/m/s. */
@Named
@ApplicationScoped
public class Units {

    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    public String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, BYTE_UNITS[unit]);
    }

    /** How long ago {@code since} was, as {@link #duration}; pages keep it ticking with data-since. */
    public String since(java.time.Instant since) {
        return since == null ? "" : duration(Duration.between(since, java.time.Instant.now()));
    }

    /** "2d 3h", "1h 02m", "4m 05s", "12s". */
    public String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds >= 86_400) {
            return String.format(Locale.ROOT, "%dd %dh", seconds / 86_400, seconds % 86_400 / 3600);
        }
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }
}
