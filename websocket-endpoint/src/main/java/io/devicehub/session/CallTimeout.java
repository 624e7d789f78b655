package io.devicehub.session;

import io.devicehub.common.InvalidInputException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long a resource call may wait for its device: more than zero and at most {@link #MAX}; absent means the
 * server's default ({@code devicehub.calls.default-timeout-ms}, 10 s). Written by callers as milliseconds
 * ({@code 2500}) or an ISO-8601 duration ({@code PT2.5S}). {@link ResourceCalls} checks every call against these
 * bounds, whichever interface it came through; the interfaces only read the caller's text with {@link #parse}.
 */
public final class CallTimeout {

    /** The longest a call may wait. */
    public static final Duration MAX = Duration.ofSeconds(60);

    private CallTimeout() {
    }

    /**
     * @return the timeout, or {@code null} for the default
     * @throws InvalidInputException on the field {@code timeout} when it is unreadable or out of bounds
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        Duration timeout;
        try {
            timeout = value.chars().allMatch(Character::isDigit) && value.length() <= 9
                    ? Duration.ofMillis(Long.parseLong(value))
                    : Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException unreadable) {
            throw new InvalidInputException("timeout", "must be milliseconds (e.g. 2500) or an ISO-8601 duration "
                    + "(e.g. PT2.5S)");
        }
        return check(timeout);
    }

    /**
     * The member {@code timeout} of a JSON request (a fleet call, a call on the WebSocket API): a whole number of
     * milliseconds or a string as {@link #parse} reads it.
     *
     * @return the timeout, or {@code null} for the default (also when the member is absent or {@code null})
     * @throws InvalidInputException on the field {@code timeout} when it is neither, or out of bounds
     */
    public static Duration of(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return parse(number.bigIntegerValue().toString());
        }
        if (value instanceof JsonString text) {
            return parse(text.getString());
        }
        throw new InvalidInputException("timeout", "must be milliseconds (e.g. 2500) or an ISO-8601 duration "
                + "(e.g. \"PT2.5S\")");
    }

    /**
     * @return {@code timeout} ({@code null} stays {@code null}: the default)
     * @throws InvalidInputException on the field {@code timeout} when it is not more than 0 and at most {@link #MAX}
     */
    public static Duration check(Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX) > 0)) {
            throw new InvalidInputException("timeout", "must be more than 0 and at most " + MAX.toSeconds()
                    + " seconds");
        }
        return timeout;
    }
}
