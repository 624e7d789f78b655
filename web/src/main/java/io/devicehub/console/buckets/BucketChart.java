package io.devicehub.console.buckets;

import io.devicehub.bucket.AggregateFunction;
import io.devicehub.bucket.BucketReads;
import io.devicehub.bucket.BucketRecords.StoredRecord;
import io.devicehub.bucket.Interval;
import io.devicehub.bucket.RecordAggregates.Slot;
import io.devicehub.bucket.RecordFields;
import io.devicehub.bucket.RecordRange;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bucket page's chart as a Chart.js configuration for PrimeFaces' {@code p:chart}: a line per numeric field over
 * a time range. While the range holds fewer than {@value #RAW_POINTS} records they are drawn as they are; beyond,
 * the database computes means per slot of the shortest interval that makes at most {@value #MAX_SLOTS} slots, so
 * that a month of one record a second draws as fast as an hour. Times are UTC, as everywhere in the console.
 */
final class BucketChart {

    /** The most records drawn one by one. */
    static final int RAW_POINTS = RecordRange.MAX_LIMIT;
    /** The most points an aggregated line has. */
    static final int MAX_SLOTS = 500;
    /** The most lines one chart draws. */
    static final int MAX_LINES = 8;

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String[] COLORS = {"#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2",
        "#db2777", "#65a30d"};
    private static final List<String> INTERVALS = List.of("1m", "5m", "15m", "30m", "1h", "3h", "6h", "12h", "1d",
            "1w", "1mo", "1y");

    /**
     * What was drawn.
     *
     * @param config   the Chart.js configuration
     * @param points   how many points each line has
     * @param interval the slots' length when records were aggregated; {@code null} when they are drawn as they are
     */
    record Drawn(String config, int points, String interval) {
    }

    private BucketChart() {
    }

    static Drawn of(BucketReads data, long accountId, String bucket, long from, long to) {
        List<String> fields = numericFields(data.fields(accountId, bucket));
        DateTimeFormatter labels = DateTimeFormatter.ofPattern(to - from <= 86_400_000L ? "HH:mm:ss"
                : "MM-dd HH:mm").withZone(ZoneOffset.UTC);
        List<StoredRecord> newest = fields.isEmpty() ? List.of()
                : data.read(accountId, bucket, new RecordRange(from, to, true, RAW_POINTS));
        if (newest.size() < RAW_POINTS) {
            List<StoredRecord> oldestFirst = new ArrayList<>(newest);
            java.util.Collections.reverse(oldestFirst);
            return raw(oldestFirst, fields, labels);
        }
        Interval interval = INTERVALS.stream().map(text -> Interval.parse(text).orElseThrow())
                .filter(candidate -> (to - from) / approximateMillis(candidate) <= MAX_SLOTS)
                .findFirst().orElse(Interval.parse("1y").orElseThrow());
        BucketReads.Aggregation aggregation = data.aggregate(accountId, bucket, from, to, interval, ZoneOffset.UTC,
                AggregateFunction.MEAN, null);
        List<String> lines = aggregation.fields().subList(0, Math.min(MAX_LINES, aggregation.fields().size()));
        JsonArrayBuilder x = JSON.createArrayBuilder();
        List<JsonArrayBuilder> y = new ArrayList<>();
        lines.forEach(line -> y.add(JSON.createArrayBuilder()));
        for (Slot slot : aggregation.slots()) {
            x.add(labels.format(Instant.ofEpochMilli(slot.from())));
            for (int i = 0; i < lines.size(); i++) {
                Double value = slot.values().get(lines.get(i));
                if (value == null) {
                    y.get(i).addNull();
                } else {
                    y.get(i).add(value);
                }
            }
        }
        return new Drawn(config(x, lines, y, "mean per " + interval), aggregation.slots().size(),
                interval.toString());
    }

    private static Drawn raw(List<StoredRecord> records, List<String> fields, DateTimeFormatter labels) {
        List<String> lines = fields.subList(0, Math.min(MAX_LINES, fields.size()));
        JsonArrayBuilder x = JSON.createArrayBuilder();
        List<JsonArrayBuilder> y = new ArrayList<>();
        lines.forEach(line -> y.add(JSON.createArrayBuilder()));
        for (StoredRecord record : records) {
            x.add(labels.format(Instant.ofEpochMilli(record.ts())));
            JsonObject value;
            try (var reader = JSON.createReader(new StringReader(record.json()))) {
                value = reader.readObject();
            }
            for (int i = 0; i < lines.size(); i++) {
                JsonValue cell = RecordFields.valueAt(value, lines.get(i));
                if (cell instanceof JsonNumber number) {
                    y.get(i).add(number.doubleValue());
                } else {
                    y.get(i).addNull();
                }
            }
        }
        return new Drawn(config(x, lines, y, null), records.size(), null);
    }

    private static String config(JsonArrayBuilder labels, List<String> lines, List<JsonArrayBuilder> values,
                                 String aggregated) {
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String color = COLORS[i % COLORS.length];
            datasets.add(JSON.createObjectBuilder()
                    .add("label", aggregated == null ? lines.get(i) : lines.get(i) + " (" + aggregated + ")")
                    .add("data", values.get(i)).add("borderColor", color).add("backgroundColor", color)
                    .add("pointRadius", 0).add("borderWidth", 2).add("spanGaps", true).add("tension", 0.1));
        }
        JsonObjectBuilder options = JSON.createObjectBuilder()
                .add("animation", false)
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("interaction", JSON.createObjectBuilder().add("mode", "index").add("intersect", false))
                .add("scales", JSON.createObjectBuilder().add("x", JSON.createObjectBuilder()
                        .add("ticks", JSON.createObjectBuilder().add("maxTicksLimit", 12))));
        return JSON.createObjectBuilder()
                .add("type", "line")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options)
                .build().toString();
    }

    /** The fields that were ever a number, by path. */
    private static List<String> numericFields(Map<String, Boolean> fields) {
        return fields.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    /** A slot's usual length: months and years vary, which is close enough to choose one. */
    private static long approximateMillis(Interval interval) {
        long unit = switch (interval.unit()) {
            case MINUTES -> 60_000L;
            case HOURS -> 3_600_000L;
            case DAYS -> 86_400_000L;
            case WEEKS -> 604_800_000L;
            case MONTHS -> 2_629_746_000L;
            default -> 31_556_952_000L;
        };
        return unit * interval.amount();
    }
}
