package io.devicehub.session;

import jakarta.json.JsonValue;

import java.time.Duration;

/**
 * What a device answered to a call, and how long the round trip took.
 *
 * @param output the device's output, or {@code null} for resources without output
 */
public record CallResult(JsonValue output, Duration duration) {
}
