package io.devicehub.bucket;

import java.time.Instant;
import java.util.Optional;

/**
 * How long a bucket keeps its records: {@code amount} of {@code unit}, or forever when the amount is 0. At most a
 * hundred years' worth of the unit ({@link RetentionUnit#max()}), so that a cut-off is always a real instant.
 */
public record RetentionPeriod(int amount, RetentionUnit unit) {

    public static final RetentionPeriod FOREVER = new RetentionPeriod(0, RetentionUnit.DAYS);

    public RetentionPeriod {
        unit = unit == null ? RetentionUnit.DAYS : unit;
    }

    public boolean isForever() {
        return amount == 0;
    }

    /** Whether the amount is between 0 and the unit's maximum. */
    public boolean isValid() {
        return amount >= 0 && amount <= unit.max();
    }

    /** Records older than this are past the retention; empty when they are kept forever. */
    public Optional<Instant> cutoff(Instant now) {
        return isForever() ? Optional.empty() : Optional.of(unit.before(now, amount));
    }
}
