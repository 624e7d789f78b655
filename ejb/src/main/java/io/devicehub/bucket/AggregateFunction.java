package io.devicehub.bucket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an aggregation computes over the numbers of one field in a slot. */
public enum AggregateFunction {
    COUNT, MIN, MAX, MEAN, SUM,
    /** The value of the slot's earliest record that has one. */
    FIRST,
    /** The value of the slot's latest record that has one. */
    LAST;

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
