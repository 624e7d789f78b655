package io.devicehub.api.buckets;

import io.devicehub.common.InvalidInputException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A record's time as the API takes it: milliseconds since the epoch ({@code 1796169600000}) or an ISO-8601 instant
 * ({@code 2026-12-02T00:00:00Z}, fractions of a second to the millisecond).
 */
final class Timestamps {

    private Timestamps() {
    }

    /** From a query parameter; {@code null} when absent or blank. */
    static Long parse(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.matches("-?\\d{1,15}")) {
            return Long.parseLong(value);
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException unreadable) {
            throw new InvalidInputException(name, "must be milliseconds since 1970 or an ISO-8601 instant such as "
                    + "2026-12-02T00:00:00Z");
        }
    }

    /** From a JSON member; {@code null} when absent or null. */
    static Long of(String name, JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException tooLarge) {
                throw new InvalidInputException(name, "is too large");
            }
        }
        if (value instanceof JsonString text) {
            return parse(name, text.getString());
        }
        throw new InvalidInputException(name, "must be milliseconds since 1970 or an ISO-8601 instant such as "
                + "2026-12-02T00:00:00Z");
    }

    static String format(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
