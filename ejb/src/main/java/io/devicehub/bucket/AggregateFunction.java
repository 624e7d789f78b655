package io.devicehub.bucket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an aggregation computes over the numbers of one field in a slot. */
public enum AggregateFunction {
    COUNT("COUNT(%s)"), MIN("MIN(%s)"), MAX("MAX(%s)"), MEAN("AVG(%s)"), SUM("SUM(%s)"),
    /** The value of the slot's earliest record that has one. */
    FIRST("MIN(CASE WHEN %s IS NOT NULL THEN ts END)"),
    /** The value of the slot's latest record that has one. */
    LAST("MAX(CASE WHEN %s IS NOT NULL THEN ts END)");

    private final String sql;

    AggregateFunction(String sql) {
        this.sql = sql;
    }

    /** The SQL aggregate over the column {@code number}; for first and last, the timestamp of the record. */
    String sql(String number) {
        return sql.formatted(number);
    }

    /** Whether it picks one record's value (found by its timestamp) rather than computing one. */
    boolean picksARecord() {
        return this == FIRST || this == LAST;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AggregateFunction> fromWire(String name) {
        return Arrays.stream(values()).filter(function -> function.wireName().equals(name)).findFirst();
    }
}
