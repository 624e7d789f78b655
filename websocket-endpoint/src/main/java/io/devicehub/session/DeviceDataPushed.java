package io.devicehub.session;

import jakarta.json.JsonValue;

import java.time.Instant;

/** A device pushed a value for a data bucket ({@code timestamp} is the device's, or the arrival time). */
public record DeviceDataPushed(long accountId, String identifier, String bucket, JsonValue value, Instant timestamp) {
}
