package io.devicehub.bucket;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fields of a record, flattened to dotted paths: {@code {"climate": {"celsius": 21.5}, "ok": true}} has
 * {@code climate.celsius} (a number) and {@code ok}. A field is a member whose name is 1–64 characters without a dot
 * or a control character, at most {@value #MAX_DEPTH} objects deep; arrays, and objects deeper than that, are one
 * field (their JSON). Members with other names are stored and exported as JSON, but are no column or series.
 */
public final class RecordFields {

    public static final int MAX_DEPTH = 8;
    private static final Pattern NAME = Pattern.compile("[^.\\p{Cntrl}]{1,64}");

    private RecordFields() {
    }

    /** Each field's path, and whether its value is a number, in the record's order. */
    public static Map<String, Boolean> of(JsonObject record) {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        collect(record, "", 1, fields);
        return fields;
    }

    /** The numbers among a record's fields, by path: what {@link #of} marks as numbers, with their values. */
    public static Map<String, Double> numbersOf(JsonObject record) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        collectNumbers(record, "", 1, numbers);
        return numbers;
    }

    private static void collectNumbers(JsonObject object, String prefix, int depth, Map<String, Double> numbers) {
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            if (!NAME.matcher(member.getKey()).matches()) {
                continue;
            }
            JsonValue value = member.getValue();
            if (value instanceof JsonNumber number) {
                numbers.put(prefix + member.getKey(), number.doubleValue());
            } else if (value instanceof JsonObject nested && depth < MAX_DEPTH && !nested.isEmpty()) {
                collectNumbers(nested, prefix + member.getKey() + ".", depth + 1, numbers);
            }
        }
    }

    /** The value at {@code path}, or {@code null} when the record has none there. */
    public static JsonValue valueAt(JsonObject record, String path) {
        JsonValue current = record;
        for (String name : path.split("\\.", -1)) {
            if (!(current instanceof JsonObject object) || !object.containsKey(name)) {
                return null;
            }
            current = object.get(name);
        }
        return current;
    }

    /** Whether {@code path} could be a field: dotted names as above, at most {@value #MAX_DEPTH} deep. */
    public static boolean isPath(String path) {
        if (path == null || path.length() > 255) {
            return false;
        }
        String[] names = path.split("\\.", -1);
        if (names.length > MAX_DEPTH) {
            return false;
        }
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every number in {@code value} fits a 64-bit floating-point number, as MySQL stores JSON numbers (it
     * refuses larger ones; H2 and MariaDB would keep them, and aggregate them as the largest double).
     */
    public static boolean numbersFitDoubles(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return Double.isFinite(number.doubleValue());
        }
        if (value instanceof JsonObject object) {
            for (JsonValue member : object.values()) {
                if (!numbersFitDoubles(member)) {
                    return false;
                }
            }
        } else if (value instanceof jakarta.json.JsonArray array) {
            for (JsonValue item : array) {
                if (!numbersFitDoubles(item)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void collect(JsonObject object, String prefix, int depth, Map<String, Boolean> fields) {
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            if (!NAME.matcher(member.getKey()).matches()) {
                continue;
            }
            String path = prefix + member.getKey();
            JsonValue value = member.getValue();
            if (value instanceof JsonObject nested && depth < MAX_DEPTH && !nested.isEmpty()) {
                collect(nested, path + ".", depth + 1, fields);
            } else {
                fields.put(path, value instanceof JsonNumber);
            }
        }
    }
}
