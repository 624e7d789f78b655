package io.devicehub.api.buckets;

import io.devicehub.bucket.BucketRecords;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.io.StringReader;
import java.util.List;

/** One stored record: its time, the device that wrote it (if one did), and its value. */
@Schema(name = "Record", properties = {
        @SchemaProperty(name = "ts", type = SchemaType.STRING, format = "date-time",
                example = "2026-12-02T08:30:00.250Z"),
        @SchemaProperty(name = "device", description = "The device that wrote it; absent for API writes.",
                example = "greenhouse-1"),
        @SchemaProperty(name = "value", ref = "AnyJson", description = "The record: a JSON object.")})
@JsonbPropertyOrder({"ts", "device", "value"})
public record RecordJson(String ts, String device, JsonValue value) {

    /** Looked up once: {@code Json.create…} would search the class path for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static RecordJson of(BucketRecords.StoredRecord record) {
        try (var reader = JSON.createReader(new StringReader(record.json()))) {
            return new RecordJson(Timestamps.format(record.ts()), record.device(), reader.readValue());
        }
    }

    /** A page of records, and the cursor of the next one. */
    @Schema(name = "RecordPage", properties = {
            @SchemaProperty(name = "bucket", example = "climate"),
            @SchemaProperty(name = "next", description = "Pass it as cursor for the next page; absent on the last. "
                    + "It stays right while records arrive.")})
    @JsonbPropertyOrder({"bucket", "items", "next"})
    public record Page(String bucket, List<RecordJson> items, String next) {
    }

    /** What a write stored. */
    @Schema(name = "Written", properties = {
            @SchemaProperty(name = "stored", description = "Records stored (a timestamp given twice counts once).",
                    example = "2"),
            @SchemaProperty(name = "timestamps", description = "Each record's timestamp, in the order sent.")})
    @JsonbPropertyOrder({"bucket", "stored", "timestamps"})
    public record Written(String bucket, int stored, List<String> timestamps) {
    }
}
