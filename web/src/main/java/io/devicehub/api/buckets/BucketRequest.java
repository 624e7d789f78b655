package io.devicehub.api.buckets;

import io.devicehub.api.json.JsonInput;
import io.devicehub.bucket.BucketSettings;
import io.devicehub.bucket.BucketSource;
import io.devicehub.bucket.RetentionPeriod;
import io.devicehub.bucket.RetentionUnit;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.util.List;
import java.util.Set;

/**
 * The bodies of {@code POST /api/v1/buckets} (a new bucket) and {@code PATCH /api/v1/buckets/{id}} (a JSON merge
 * patch: members left out stay as they are; {@code "retention": null} keeps records forever,
 * {@code "description": null} removes it; {@code source} is replaced whole).
 */
@Schema(name = "NewBucket", requiredProperties = {"identifier", "source"}, properties = {
        @SchemaProperty(name = "identifier", description = "1 to 32 letters, digits, '_' or '-'; unique among "
                + "your buckets; case-sensitive; never changes.", example = "climate"),
        @SchemaProperty(name = "name", description = "At most 64 characters; the identifier when left out.",
                example = "Greenhouse climate"),
        @SchemaProperty(name = "description", description = "Optional, at most 255 characters."),
        @SchemaProperty(name = "enabled", type = SchemaType.BOOLEAN, description = "Default true."),
        @SchemaProperty(name = "source", ref = "BucketSource"),
        @SchemaProperty(name = "retention", ref = "Retention", nullable = true,
                description = "How long records are kept, up to 100 years; left out or null: forever.")})
final class BucketRequest {

    private static final String[] MEMBERS = {"identifier", "name", "description", "enabled", "source", "retention"};

    private BucketRequest() {
    }

    /** A new bucket: identifier and source are required, the name defaults to the identifier. */
    static BucketSettings create(JsonObject json) {
        JsonInput input = JsonInput.of(json, MEMBERS);
        String identifier = input.string("identifier");
        String name = input.string("name");
        String description = input.string("description");
        Boolean enabled = input.bool("enabled");
        Source source = source(input);
        RetentionPeriod retention = retention(input);
        input.check();
        return source.settings(identifier, name == null ? identifier : name, description,
                enabled == null || enabled, retention == null ? RetentionPeriod.FOREVER : retention);
    }

    /** The settings {@code current} becomes with the patch applied. */
    static BucketSettings patch(JsonObject json, BucketSettings current) {
        JsonInput input = JsonInput.of(json, MEMBERS);
        if (input.has("identifier")) {
            input.error("identifier", "cannot change; create a new bucket instead");
        }
        String name = input.string("name");
        if (input.has("name") && name == null) {
            input.error("name", "cannot be removed");
        }
        String description = input.string("description");
        Boolean enabled = input.bool("enabled");
        if (input.has("enabled") && enabled == null) {
            input.error("enabled", "must be true or false");
        }
        Source source = input.has("source") ? source(input) : null;
        RetentionPeriod retention = retention(input);
        input.check();
        BucketSettings base = source == null ? current : source.settings(current.identifier(), current.name(),
                current.description(), current.enabled(), current.retention());
        return new BucketSettings(current.identifier(), input.has("name") ? name : base.name(),
                input.has("description") ? description : base.description(),
                enabled == null ? base.enabled() : enabled, base.source(), base.sampleDevice(), base.sampleResource(),
                base.sampleSeconds(), base.writers(), input.has("retention")
                ? (retention == null ? RetentionPeriod.FOREVER : retention) : base.retention());
    }

    /** The source member: its type and what that type needs. */
    private record Source(BucketSource type, String device, String resource, Integer seconds, List<String> devices) {

        BucketSettings settings(String identifier, String name, String description, boolean enabled,
                                RetentionPeriod retention) {
            return new BucketSettings(identifier, name, description, enabled, type, device, resource, seconds,
                    devices == null ? Set.of() : Set.copyOf(devices), retention);
        }
    }

    private static Source source(JsonInput input) {
        JsonInput source = input.object("source", "type", "device", "resource", "intervalSeconds", "devices");
        if (source == null) {
            if (input.value("source") == JsonValue.NULL) {
                input.error("source", "must be an object such as {\"type\": \"api\"}");
            }
            return new Source(null, null, null, null, null);
        }
        String typeName = source.string("type");
        BucketSource type = typeName == null ? null : BucketSource.fromWire(typeName).orElse(null);
        if (type == null) {
            source.error("type", "must be one of resource, devices, api");
        }
        String device = source.string("device");
        String resource = source.string("resource");
        Integer seconds = source.integer("intervalSeconds");
        List<String> devices = source.strings("devices");
        if (type != BucketSource.RESOURCE) {
            for (String member : List.of("device", "resource", "intervalSeconds")) {
                if (source.has(member)) {
                    source.error(member, "belongs to a source of type resource");
                }
            }
        }
        if (type != BucketSource.DEVICES && source.has("devices")) {
            source.error("devices", "belongs to a source of type devices");
        }
        return new Source(type, device, resource, seconds, devices);
    }

    /** {@code null} when absent or null (forever). */
    private static RetentionPeriod retention(JsonInput input) {
        JsonInput retention = input.object("retention", "amount", "unit");
        if (retention == null) {
            return null; // absent or null: forever (anything else was reported as not an object)
        }
        Integer amount = retention.integer("amount");
        String unitName = retention.string("unit");
        RetentionUnit unit = unitName == null ? null : RetentionUnit.fromWire(unitName).orElse(null);
        if (amount == null) {
            retention.error("amount", "is required: a whole number, 0 for forever");
        }
        if (unit == null) {
            retention.error("unit", "must be one of hours, days, weeks, months, years");
        }
        return amount == null || unit == null ? null : new RetentionPeriod(amount, unit);
    }
}
