package io.devicehub.session;

import jakarta.json.JsonValue;

import java.time.Duration;

/**
 * What a device answered to a call, and how long the round trip took.
 *
 * @param output the device's output ({@link jakarta.json.JsonValue#NULL} when it was JSON null), or {@code null}
 *               exactly for resources without output ({@code input}, {@code run})
 */
public record CallResult(JsonValue output, Duration duration) {
}
