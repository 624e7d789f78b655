package io.devicehub.api.buckets;

import io.devicehub.bucket.AggregateFunction;
import io.devicehub.bucket.Interval;
import io.devicehub.bucket.RecordFields;
import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The query of {@code GET /api/v1/buckets/{id}/aggregate}, checked parameter by parameter. */
record AggregationQuery(long from, long to, Interval interval, AggregateFunction function, String field,
                        ZoneId zone) {

    static AggregationQuery parse(String fromText, String toText, String intervalText, String functionText,
                                  String fieldText, String zoneText) {
        List<FieldError> errors = new ArrayList<>();
        Interval interval = intervalText == null || intervalText.isBlank()
                ? new Interval(1, java.time.temporal.ChronoUnit.HOURS) : Interval.parse(intervalText).orElse(null);
        if (interval == null) {
            errors.add(new FieldError("interval", "must be a number and a unit, from 1m to 1y: m (minutes), h, d, "
                    + "w, mo (months) or y, e.g. 15m, 1h, 1mo"));
        }
        AggregateFunction function = functionText == null || functionText.isBlank() ? AggregateFunction.MEAN
                : AggregateFunction.fromWire(functionText.strip()).orElse(null);
        if (function == null) {
            errors.add(new FieldError("function", "must be one of count, min, max, mean, sum, first, last"));
        }
        String field = fieldText == null || fieldText.isBlank() ? null : fieldText.strip();
        if (field != null && !RecordFields.isPath(field)) {
            errors.add(new FieldError("field", "must be a field's path such as climate.celsius"));
        }
        ZoneId zone = ZoneId.of("UTC");
        if (zoneText != null && !zoneText.isBlank()) {
            try {
                zone = ZoneId.of(zoneText.strip());
            } catch (DateTimeException unknown) {
                errors.add(new FieldError("zone", "must be a time zone such as Europe/Berlin, UTC or +02:00"));
            }
        }
        boolean readable = true;
        Long to = null;
        Long from = null;
        try {
            to = Timestamps.parse("to", toText);
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.errors());
            readable = false;
        }
        try {
            from = Timestamps.parse("from", fromText);
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.errors());
            readable = false;
        }
        long end = to == null ? System.currentTimeMillis() : to;
        long start = from == null ? end - 86_400_000L : from;
        if (readable && start >= end) {
            errors.add(new FieldError("from", "must be before to"));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(FieldError::field));
            throw new InvalidInputException(errors);
        }
        return new AggregationQuery(start, end, interval, function, field, zone);
    }
}
