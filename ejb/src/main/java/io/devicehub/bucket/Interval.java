package io.devicehub.bucket;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The length of an aggregation's slots, from a minute to a year: {@code 15m}, {@code 1h}, {@code 1d}, {@code 1w},
 * {@code 1mo}, {@code 1y}. Slots are aligned to the calendar of a time zone: an hour slot starts at a full hour, a day
 * at midnight, a week on Monday, a month on its first, a year on the first of January — of that zone.
 */
public record Interval(int amount, ChronoUnit unit) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,4})(m|h|d|w|mo|y)");
    /** The most of each unit one interval may be: up to a year. */
    private static final int MAX_MINUTES = 1440;

    public Interval {
        if (amount < 1) {
            throw new IllegalArgumentException("an interval of at least one unit");
        }
    }

    /** {@code 15m}, {@code 1h}…; empty when the text is not an interval from a minute to a year. */
    public static Optional<Interval> parse(String text) {
        Matcher matcher = text == null ? null : TEXT.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        int amount = Integer.parseInt(matcher.group(1));
        ChronoUnit unit = switch (matcher.group(2)) {
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            case "w" -> ChronoUnit.WEEKS;
            case "mo" -> ChronoUnit.MONTHS;
            default -> ChronoUnit.YEARS;
        };
        int max = switch (unit) {
            case MINUTES -> MAX_MINUTES * 366;
            case HOURS -> 24 * 366;
            case DAYS -> 366;
            case WEEKS -> 53;
            case MONTHS -> 12;
            default -> 1;
        };
        return amount >= 1 && amount <= max ? Optional.of(new Interval(amount, unit)) : Optional.empty();
    }

    /**
     * Shorter than a day: slots of real, equal length from the first one on (an hour is 3,600 s, also when the
     * clocks change); days and longer follow the zone's calendar (a day is 23 or 25 hours when the clocks change).
     */
    boolean isFixed() {
        return unit == ChronoUnit.MINUTES || unit == ChronoUnit.HOURS;
    }

    /**
     * The start of the slot that holds {@code at}, in {@code at}'s zone. Minutes and hours count from the day's
     * midnight (15m: :00, :15, :30, :45; 6h: 00:00, 06:00…); days and weeks from 1970 (weeks start on Monday);
     * months and years from year 0 (3mo: January, April, July, October).
     */
    ZonedDateTime floor(ZonedDateTime at) {
        ZonedDateTime day = at.truncatedTo(ChronoUnit.DAYS);
        return switch (unit) {
            case MINUTES, HOURS -> {
                long length = lengthMillis();
                long since = java.time.Duration.between(day, at).toMillis();
                yield day.plus(since / length * length, ChronoUnit.MILLIS);
            }
            case DAYS -> day.minusDays(Math.floorMod(day.toLocalDate().toEpochDay(), amount));
            case WEEKS -> {
                ZonedDateTime monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                long weeks = Math.floorDiv(monday.toLocalDate().toEpochDay() - 4, 7); // 1970-01-05 was a Monday
                yield monday.minusWeeks(Math.floorMod(weeks, amount));
            }
            case MONTHS -> {
                ZonedDateTime first = day.withDayOfMonth(1);
                yield first.minusMonths(Math.floorMod(first.getYear() * 12L + first.getMonthValue() - 1, amount));
            }
            default -> {
                ZonedDateTime first = day.withDayOfYear(1);
                yield first.minusYears(Math.floorMod(first.getYear(), amount));
            }
        };
    }

    /** The length of a slot in real time, for minutes and hours. */
    long lengthMillis() {
        return amount * unit.getDuration().toMillis();
    }

    /** The start of the slot after the one starting at {@code start}. */
    ZonedDateTime next(ZonedDateTime start) {
        return isFixed() ? start.plus(lengthMillis(), ChronoUnit.MILLIS) : start.plus(amount, unit);
    }

    /** As it is written: {@code 15m}, {@code 1mo}. */
    @Override
    public String toString() {
        return amount + switch (unit) {
            case MINUTES -> "m";
            case HOURS -> "h";
            case DAYS -> "d";
            case WEEKS -> "w";
            case MONTHS -> "mo";
            default -> "y";
        };
    }

    static ZonedDateTime at(long millis, ZoneId zone) {
        return java.time.Instant.ofEpochMilli(millis).atZone(zone);
    }
}
