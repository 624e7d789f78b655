package io.devicehub.api.buckets;

import io.devicehub.bucket.BucketReads;
import io.devicehub.bucket.RecordAggregates;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.util.List;
import java.util.Map;

/** An aggregation as the API answers it: its settings, the fields computed, and each slot that holds records. */
@Schema(name = "Aggregation", properties = {
        @SchemaProperty(name = "interval", example = "1h"),
        @SchemaProperty(name = "function", enumeration = {"count", "min", "max", "mean", "sum", "first", "last"}),
        @SchemaProperty(name = "zone", example = "Europe/Berlin"),
        @SchemaProperty(name = "fields", description = "The numeric fields computed.")})
@JsonbPropertyOrder({"bucket", "interval", "function", "zone", "from", "to", "fields", "items"})
public record AggregationJson(String bucket, String interval, String function, String zone, String from, String to,
                              List<String> fields, List<SlotJson> items) {

    static AggregationJson of(String bucket, BucketReads.Aggregation aggregation) {
        return new AggregationJson(bucket, aggregation.interval().toString(), aggregation.function().wireName(),
                aggregation.zone().getId(), Timestamps.format(aggregation.from()), Timestamps.format(aggregation.to()),
                aggregation.fields(), aggregation.slots().stream().map(SlotJson::of).toList());
    }

    /** One slot: its range, how many records it holds, and each field's value there. */
    @Schema(name = "AggregationSlot", properties = {
            @SchemaProperty(name = "from", type = SchemaType.STRING, format = "date-time"),
            @SchemaProperty(name = "to", type = SchemaType.STRING, format = "date-time"),
            @SchemaProperty(name = "records", description = "Records in the slot."),
            @SchemaProperty(name = "values", description = "field → the function's value; a field without a number "
                    + "in this slot is absent.")})
    @JsonbPropertyOrder({"from", "to", "records", "values"})
    public record SlotJson(String from, String to, long records, Map<String, Double> values) {

        static SlotJson of(RecordAggregates.Slot slot) {
            return new SlotJson(Timestamps.format(slot.from()), Timestamps.format(slot.to()), slot.records(),
                    slot.values());
        }
    }
}
