package io.devicehub.api.buckets;

import io.devicehub.bucket.BucketData;
import io.devicehub.bucket.NewRecord;
import io.devicehub.bucket.RecordFields;
import io.devicehub.common.InvalidInputException;
import io.devicehub.device.DeviceIdentifier;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the rows of an imported CSV become: the header names the columns — {@code ts} (required: milliseconds since
 * 1970 or ISO-8601), {@code device} (optional: the device the record is credited to) and fields, dotted names
 * nesting ({@code climate.celsius} becomes {@code {"climate": {"celsius": …}}}). A cell becomes a number when it is
 * one as JSON writes numbers ({@code 21.5}, {@code -3}, {@code 1e3}; not {@code 007}), {@code true}/{@code false} a
 * boolean, {@code null} null, a cell starting with <code>{</code> or {@code [} that is JSON that value, any other a
 * string; an empty cell leaves the field out. This reads back what an export wrote. A row with bytes that are not
 * UTF-8 (or the character U+FFFD, which stands for them) is refused.
 */
final class CsvImport {

    static final int MAX_COLUMNS = 1000;
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d{1,3})?");

    private final List<String> columns;
    private final int tsColumn;
    private final int deviceColumn;

    private CsvImport(List<String> columns, int tsColumn, int deviceColumn) {
        this.columns = columns;
        this.tsColumn = tsColumn;
        this.deviceColumn = deviceColumn;
    }

    /**
     * The import a header describes.
     *
     * @throws InvalidInputException naming what is wrong with the header
     */
    static CsvImport of(List<String> header) {
        if (header.stream().anyMatch(cell -> cell.indexOf('\uFFFD') >= 0)) {
            throw new InvalidInputException("header", "is not UTF-8");
        }
        List<String> names = header.stream().map(String::strip).toList();
        if (names.size() > MAX_COLUMNS + 2) {
            throw new InvalidInputException("header", "must have at most " + MAX_COLUMNS + " fields besides ts and "
                    + "device");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new InvalidInputException("header", "names the column '" + name + "' twice");
            }
            if (!name.equals("ts") && !name.equals("device") && !RecordFields.isPath(name)) {
                throw new InvalidInputException("header", "'" + name + "' is not a field name: 1 to 64 characters "
                        + "without control characters, dots between nested names");
            }
        }
        for (String name : names) {
            for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
                if (seen.contains(name.substring(0, dot))) {
                    throw new InvalidInputException("header", "'" + name + "' is inside '" + name.substring(0, dot)
                            + "', which is a column of its own");
                }
            }
        }
        int ts = names.indexOf("ts");
        if (ts < 0) {
            throw new InvalidInputException("header", "must have a ts column (milliseconds since 1970 or ISO-8601)");
        }
        return new CsvImport(names, ts, names.indexOf("device"));
    }

    /** A row as a record, or why it cannot be one. */
    record Converted(NewRecord record, String refusal) {
    }

    Converted convert(CsvReader.Row row, long now) {
        List<String> cells = row.cells();
        if (cells.stream().anyMatch(cell -> cell.indexOf('\uFFFD') >= 0)) {
            return refused("is not UTF-8");
        }
        if (cells.size() != columns.size()) {
            return refused("has " + cells.size() + " cells; the header has " + columns.size());
        }
        Long ts;
        try {
            ts = Timestamps.parse("ts", cells.get(tsColumn));
        } catch (InvalidInputException invalid) {
            return refused("ts " + invalid.errors().get(0).message());
        }
        if (ts == null) {
            return refused("has no ts");
        }
        String device = deviceColumn < 0 || cells.get(deviceColumn).isBlank() ? null
                : cells.get(deviceColumn).strip();
        if (device != null && !device.matches(DeviceIdentifier.PATTERN)) {
            return refused("device must be a device identifier: 1 to 32 letters, digits, '_' or '-'");
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            if (i == tsColumn || i == deviceColumn || cells.get(i).isEmpty()) {
                continue;
            }
            put(tree, columns.get(i).split("\\."), value(cells.get(i)));
        }
        if (tree.isEmpty()) {
            return refused("has no values");
        }
        NewRecord record = new NewRecord(ts, build(tree), device);
        try {
            BucketData.check(record, 0, now);
        } catch (InvalidInputException invalid) {
            var error = invalid.errors().get(0);
            return refused(error.field().substring(error.field().lastIndexOf('.') + 1) + " " + error.message());
        }
        return new Converted(record, null);
    }

    private static Converted refused(String why) {
        return new Converted(null, why);
    }

    /** What a cell holds, as JSON. */
    static JsonValue value(String cell) {
        if (NUMBER.matcher(cell).matches()) {
            return JSON.createValue(new BigDecimal(cell));
        }
        switch (cell) {
            case "true":
                return JsonValue.TRUE;
            case "false":
                return JsonValue.FALSE;
            case "null":
                return JsonValue.NULL;
            default:
                break;
        }
        if (cell.startsWith("{") || cell.startsWith("[")) {
            Optional<JsonValue> json = json(cell);
            if (json.isPresent()) {
                return json.get();
            }
        }
        return JSON.createValue(cell);
    }

    private static Optional<JsonValue> json(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return Optional.of(reader.readValue());
        } catch (JsonException notJson) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String[] names, JsonValue value) {
        Map<String, Object> node = tree;
        for (int i = 0; i < names.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(names[i], name -> new LinkedHashMap<String, Object>());
        }
        node.put(names[names.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static JsonObject build(Map<String, Object> tree) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        tree.forEach((name, value) -> object.add(name, value instanceof Map<?, ?> nested
                ? build((Map<String, Object>) nested) : (JsonValue) value));
        return object.build();
    }

    /** The rows an import stored and refused. */
    static final class Report {
        static final int MAX_LISTED = 100;
        long stored;
        long refused;
        final List<Map.Entry<Long, String>> errors = new ArrayList<>();

        void refuse(long line, String why) {
            refused++;
            if (errors.size() < MAX_LISTED) {
                errors.add(Map.entry(line, why));
            }
        }
    }
}
