package io.devicehub.api.buckets;

import io.devicehub.bucket.Bucket;
import io.devicehub.bucket.BucketSource;
import io.devicehub.bucket.RetentionPeriod;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;
import java.util.List;

/** A bucket as the API shows it: its settings, and what its writes (and samples) left behind. */
@Schema(name = "Bucket", properties = {
        @SchemaProperty(name = "identifier", example = "climate"),
        @SchemaProperty(name = "name", example = "Greenhouse climate"),
        @SchemaProperty(name = "description", description = "Absent when there is none."),
        @SchemaProperty(name = "enabled", description = "A disabled bucket refuses writes (409 bucket-disabled)."),
        @SchemaProperty(name = "retention", description = "How long records are kept; absent: forever."),
        @SchemaProperty(name = "records", description = "How many records it holds.", example = "86400"),
        @SchemaProperty(name = "lastWriteAt", type = SchemaType.STRING, format = "date-time",
                description = "When a record was last written; absent when never."),
        @SchemaProperty(name = "createdAt", type = SchemaType.STRING, format = "date-time"),
        @SchemaProperty(name = "sampling", description = "For a resource source: its failed samples.")})
@JsonbPropertyOrder({"identifier", "name", "description", "enabled", "source", "retention", "records", "lastWriteAt",
        "createdAt", "sampling"})
public record BucketJson(String identifier, String name, String description, boolean enabled, SourceJson source,
                         RetentionJson retention, long records, Instant lastWriteAt, Instant createdAt,
                         SamplingJson sampling) {

    static BucketJson of(Bucket bucket) {
        boolean sampled = bucket.getSource() == BucketSource.RESOURCE;
        return new BucketJson(bucket.getIdentifier(), bucket.getName(), bucket.getDescription(), bucket.isEnabled(),
                SourceJson.of(bucket), RetentionJson.of(bucket.retention()), bucket.getRecords(),
                bucket.getLastWriteAt(), bucket.getCreatedAt(), sampled ? new SamplingJson(bucket.getSamplesFailed(),
                bucket.getLastSampleError(), bucket.getLastSampleErrorAt()) : null);
    }

    /** Where the records come from. */
    @Schema(name = "BucketSource", requiredProperties = "type", properties = {
            @SchemaProperty(name = "type", enumeration = {"resource", "devices", "api"}, description = "resource: the "
                    + "server samples a device's output resource; devices: the devices' data messages; api: programs"),
            @SchemaProperty(name = "device", description = "resource: the device sampled.", example = "greenhouse-1"),
            @SchemaProperty(name = "resource", description = "resource: its output resource.",
                    example = "temperature"),
            @SchemaProperty(name = "intervalSeconds", description = "resource: how often, 1 to 86400 s.",
                    example = "60"),
            @SchemaProperty(name = "devices", description = "devices: the devices that may write; absent or empty for "
                    + "all of the account's.")})
    @JsonbPropertyOrder({"type", "device", "resource", "intervalSeconds", "devices"})
    public record SourceJson(String type, String device, String resource, Integer intervalSeconds,
                             List<String> devices) {

        static SourceJson of(Bucket bucket) {
            return switch (bucket.getSource()) {
                case RESOURCE -> new SourceJson("resource", bucket.getSampleDevice(), bucket.getSampleResource(),
                        bucket.getSampleSeconds(), null);
                case DEVICES -> new SourceJson("devices", null, null, null,
                        bucket.getWriters().isEmpty() ? null : bucket.getWriters().stream().sorted().toList());
                case API -> new SourceJson("api", null, null, null, null);
            };
        }
    }

    /** How long records are kept. */
    @Schema(name = "Retention", properties = {
            @SchemaProperty(name = "amount", example = "30"),
            @SchemaProperty(name = "unit", enumeration = {"hours", "days", "weeks", "months", "years"})})
    @JsonbPropertyOrder({"amount", "unit"})
    public record RetentionJson(int amount, String unit) {

        static RetentionJson of(RetentionPeriod retention) {
            return retention.isForever() ? null : new RetentionJson(retention.amount(), retention.unit().wireName());
        }
    }

    /** How sampling a resource went. */
    @Schema(name = "Sampling", properties = {
            @SchemaProperty(name = "failed", description = "Samples that failed (a gap each): the device was "
                    + "offline, did not answer, answered with an error…"),
            @SchemaProperty(name = "lastError", description = "Why the last one failed."),
            @SchemaProperty(name = "lastErrorAt", type = SchemaType.STRING, format = "date-time")})
    @JsonbPropertyOrder({"failed", "lastError", "lastErrorAt"})
    public record SamplingJson(long failed, String lastError, Instant lastErrorAt) {
    }
}
