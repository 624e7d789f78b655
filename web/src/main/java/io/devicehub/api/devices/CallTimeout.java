package io.devicehub.api.devices;

import io.devicehub.common.InvalidInputException;
import io.devicehub.session.SessionSettings;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The {@code timeout} query parameter of a resource call: milliseconds ({@code 2500}) or an ISO-8601 duration
 * ({@code PT2.5S}), more than zero and at most 60 seconds. Absent means the server's default (10 s).
 */
final class CallTimeout {

    private CallTimeout() {
    }

    /** @return the timeout, or {@code null} for the default */
    static Duration parse(String text) {
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
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(SessionSettings.MAX_CALL_TIMEOUT) > 0) {
            throw new InvalidInputException("timeout", "must be more than 0 and at most "
                    + SessionSettings.MAX_CALL_TIMEOUT.toSeconds() + " seconds");
        }
        return timeout;
    }
}
