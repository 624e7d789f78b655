package io.devicehub.bucket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The unit of a bucket's retention period; months and years are calendar ones (in UTC). */
public enum RetentionUnit {
    HOURS(ChronoUnit.HOURS, 876_000), DAYS(ChronoUnit.DAYS, 36_500), WEEKS(ChronoUnit.WEEKS, 5_200),
    MONTHS(ChronoUnit.MONTHS, 1_200), YEARS(ChronoUnit.YEARS, 100);

    private final ChronoUnit unit;
    private final int max;

    RetentionUnit(ChronoUnit unit, int max) {
        this.unit = unit;
        this.max = max;
    }

    /** The largest amount of this unit a retention may have: about a hundred years. */
    public int max() {
        return max;
    }

    /** {@code amount} of this unit before {@code now}. */
    Instant before(Instant now, int amount) {
        return now.atZone(ZoneOffset.UTC).minus(amount, unit).toInstant();
    }

    /** As the API names it: {@code hours}, {@code days}… */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RetentionUnit> fromWire(String name) {
        return Arrays.stream(values()).filter(unit -> unit.wireName().equals(name)).findFirst();
    }
}
