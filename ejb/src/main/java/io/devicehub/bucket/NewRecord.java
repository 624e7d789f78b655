package io.devicehub.bucket;

import jakarta.json.JsonObject;

import java.util.Objects;

/**
 * A record to store: its timestamp (milliseconds since the epoch, {@code null} for the time it arrived), its JSON
 * object, the device that wrote it if a device did, and when it arrived (milliseconds).
 */
public record NewRecord(Long ts, JsonObject value, String device, long arrivedAt) {

    public NewRecord {
        Objects.requireNonNull(value);
    }

    /** A record that arrives now. */
    public NewRecord(Long ts, JsonObject value, String device) {
        this(ts, value, device, System.currentTimeMillis());
    }
}
