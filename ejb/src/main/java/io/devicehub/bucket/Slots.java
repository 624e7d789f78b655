package io.devicehub.bucket;

import io.devicehub.common.InvalidInputException;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * The slots of an aggregation over {@code [from, to)}: their starts in milliseconds (the first one is where the
 * slot holding {@code from} starts; the last ends at or after {@code to}), and a SQL expression that gives each
 * record (its {@code ts}, or a roll-up's minute) the index of its slot, so that the database can group by it. Three kinds of expression, the
 * cheapest that is exact: arithmetic on the timestamp when all slots have the same length; arithmetic on the local
 * time (the timestamp plus the zone's offset then) for days and weeks across a change of the clocks; a choice among
 * the starts for months and years.
 */
final class Slots {

    static final int MAX_SLOTS = 10_000;
    /** Where the expression names the timestamp column. */
    private static final String TS = "{ts}";

    private final List<Long> starts;
    private final String expression;
    private final List<Long> parameters;

    private Slots(List<Long> starts, String expression, List<Long> parameters) {
        this.starts = starts;
        this.expression = expression;
        this.parameters = parameters;
    }

    /** @throws InvalidInputException when the range would have more than {@value #MAX_SLOTS} slots */
    static Slots of(long from, long to, Interval interval, ZoneId zone) {
        List<Long> starts = new ArrayList<>();
        ZonedDateTime start = interval.floor(Interval.at(from, zone));
        while (start.toInstant().toEpochMilli() < to) {
            if (starts.size() == MAX_SLOTS) {
                throw new InvalidInputException("interval", "makes more than " + MAX_SLOTS + " slots between from "
                        + "and to: choose a longer interval or a shorter range");
            }
            starts.add(start.toInstant().toEpochMilli());
            start = interval.next(start);
        }
        long end = start.toInstant().toEpochMilli();
        starts.add(end);
        if (interval.isFixed() || equallyLong(starts)) {
            long length = starts.size() > 1 ? starts.get(1) - starts.get(0) : 1;
            return new Slots(starts, "FLOOR((" + TS + " - ?) / ?)", List.of(starts.get(0), length));
        }
        if (interval.unit() == java.time.temporal.ChronoUnit.DAYS
                || interval.unit() == java.time.temporal.ChronoUnit.WEEKS) {
            return localDays(starts, interval, zone);
        }
        StringBuilder choice = new StringBuilder("CASE");
        List<Long> parameters = new ArrayList<>();
        for (int i = 1; i < starts.size() - 1; i++) {
            choice.append(" WHEN " + TS + " < ? THEN ").append(i - 1);
            parameters.add(starts.get(i));
        }
        choice.append(" ELSE ").append(starts.size() - 2).append(" END");
        return new Slots(starts, choice.toString(), parameters);
    }

    /**
     * Days and weeks are equally long in local time: the index is the local time since the first start, divided by
     * the slot's length, where the local time is the timestamp plus the offset the zone had then.
     */
    private static Slots localDays(List<Long> starts, Interval interval, ZoneId zone) {
        long first = starts.get(0);
        long last = starts.get(starts.size() - 1);
        List<Long> parameters = new ArrayList<>();
        StringBuilder offset = new StringBuilder("CASE");
        ZoneOffsetTransition transition = zone.getRules().nextTransition(java.time.Instant.ofEpochMilli(first));
        while (transition != null && transition.getInstant().toEpochMilli() < last) {
            offset.append(" WHEN " + TS + " < ? THEN ?");
            parameters.add(transition.getInstant().toEpochMilli());
            parameters.add(transition.getOffsetBefore().getTotalSeconds() * 1000L);
            transition = zone.getRules().nextTransition(transition.getInstant());
        }
        long lastOffset = zone.getRules().getOffset(java.time.Instant.ofEpochMilli(last)).getTotalSeconds() * 1000L;
        offset.append(" ELSE ").append(lastOffset).append(" END");
        long firstLocal = first + zone.getRules().getOffset(java.time.Instant.ofEpochMilli(first)).getTotalSeconds()
                * 1000L;
        long days = interval.unit() == java.time.temporal.ChronoUnit.WEEKS ? 7L * interval.amount() : interval.amount();
        parameters.add(firstLocal);
        parameters.add(days * 86_400_000L);
        return new Slots(starts, "FLOOR((" + TS + " + " + offset + " - ?) / ?)", parameters);
    }

    private static boolean equallyLong(List<Long> starts) {
        for (int i = 2; i < starts.size(); i++) {
            if (starts.get(i) - starts.get(i - 1) != starts.get(1) - starts.get(0)) {
                return false;
            }
        }
        return true;
    }

    /** How many slots there are. */
    int count() {
        return starts.size() - 1;
    }

    long start(int index) {
        return starts.get(index);
    }

    long end(int index) {
        return starts.get(index + 1);
    }

    /** The slot index of a row, over its timestamp column; its parameters are {@link #parameters()}. */
    String expression(String column) {
        return expression.replace(TS, column);
    }

    /**
     * Whether every slot starts at a full UTC minute, so that each slot is a run of whole minutes: always, but
     * for a time zone whose offset then was not whole minutes (local mean times before 1972).
     */
    boolean startAtFullMinutes() {
        return starts.stream().allMatch(start -> Math.floorMod(start, Rollups.MINUTE) == 0);
    }

    List<Long> parameters() {
        return parameters;
    }
}
