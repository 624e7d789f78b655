package io.devicehub.api.buckets;

import io.devicehub.api.json.JsonBody;
import io.devicehub.api.json.MaxBodyBytes;
import io.devicehub.api.security.ApiCaller;
import io.devicehub.api.security.CurrentCaller;
import io.devicehub.api.security.RequiresScope;
import io.devicehub.bucket.BucketData;
import io.devicehub.bucket.BucketReads;
import io.devicehub.bucket.BucketRecords;
import io.devicehub.bucket.NewRecord;
import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import io.devicehub.token.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/buckets/{id}/records}: a bucket's records, written one at a time or in batches, read by time. */
@Path("v1/buckets/{id}/records")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Buckets")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
public class BucketRecordsResource {

    /** A batch: a thousand records of up to a kilobyte, with room to spare. */
    static final int MAX_BATCH_BYTES = 1024 * 1024;

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    BucketData data;

    @Inject
    BucketReads reads;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.BUCKETS_WRITE)
    @Operation(summary = "Write records", description = "One record {\"value\": …, \"ts\": …} or an array of up to "
            + "1000 (at most 1 MiB), stored in one transaction: all or none, and answered once committed; errors name "
            + "the first bad record records[i], also when there is one. value is "
            + "the record (a value that is not an object is stored as {\"value\": …}); ts is optional (milliseconds "
            + "or ISO-8601; the server's time otherwise, never two records in one millisecond). A record whose ts the "
            + "bucket has replaces it, also within a batch (the last wins). Only for buckets with source api. Needs "
            + "buckets:write.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "AnyJson"), examples = {
            @ExampleObject(name = "one record", value = "{\"value\": {\"celsius\": 21.5, \"humidity\": 40}}"),
            @ExampleObject(name = "a batch with times", value = "[{\"ts\": \"2026-12-02T08:00:00Z\", \"value\": "
                    + "{\"celsius\": 20.9}}, {\"ts\": 1796198460000, \"value\": {\"celsius\": 21.1}}]")}))
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(schema = @Schema(implementation = RecordJson.Written.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "409", description = "The bucket is disabled (bucket-disabled) or takes its records "
            + "from another source (wrong-source)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MiB",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "429", description = "Records without a ts arrive faster than one a millisecond "
            + "(slow-down); Retry-After", content = @Content(mediaType = "application/problem+json"))
    public RecordJson.Written write(@PathParam("id") String id, @MaxBodyBytes(MAX_BATCH_BYTES) JsonBody body) {
        ApiCaller me = me();
        JsonValue given = JsonBody.required(body).value();
        List<JsonValue> items = given instanceof JsonArray array ? array : List.of(given);
        List<NewRecord> records = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            records.add(record(items.get(i), "records[" + i + "]"));
        }
        BucketData.Written written = data.write(me.accountId(), id, records, new BucketData.Writer.Api());
        return new RecordJson.Written(id, written.stored(),
                written.timestamps().stream().map(Timestamps::format).toList());
    }

    @GET
    @RequiresScope(Scope.BUCKETS_READ)
    @Operation(summary = "Read records", description = "A page of records in a time range, newest or oldest first, "
            + "and the cursor of the next page. Needs buckets:read.")
    @APIResponse(responseCode = "200", description = "A page of records",
            content = @Content(schema = @Schema(implementation = RecordJson.Page.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    public RecordJson.Page read(@PathParam("id") String id,
                                @Parameter(description = "From this time on (inclusive): ms or ISO-8601.",
                                        example = "2026-12-01T00:00:00Z") @QueryParam("from") String from,
                                @Parameter(description = "Before this time (exclusive).",
                                        example = "2026-12-02T00:00:00Z") @QueryParam("to") String to,
                                @Parameter(description = "newest (default) or oldest first.", example = "newest")
                                @QueryParam("order") String order,
                                @Parameter(description = "Page size, 1 to 1000 (default 100).", example = "100")
                                @QueryParam("limit") String limit,
                                @Parameter(description = "The next of the previous page (then from, to and order "
                                        + "come from it).") @QueryParam("cursor") String cursor) {
        ApiCaller me = me();
        RecordQuery query = RecordQuery.parse(from, to, order, limit, cursor);
        List<BucketRecords.StoredRecord> page = reads.read(me.accountId(), id, query.range());
        return new RecordJson.Page(id, page.stream().map(RecordJson::of).toList(), query.next(page));
    }

    @DELETE
    @RequiresScope(Scope.BUCKETS_WRITE)
    @Operation(summary = "Clear records", description = "Deletes the records of a time range, or all of them, in "
            + "chunks that never hold up writes for long; answers how many were deleted. Any source. Needs "
            + "buckets:write.")
    @APIResponse(responseCode = "200", description = "Deleted", content = @Content(mediaType = MediaType
            .APPLICATION_JSON, examples = @ExampleObject(name = "cleared", value = "{\"bucket\": \"climate\", "
            + "\"deleted\": 86400}")))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    public JsonObject clear(@PathParam("id") String id,
                            @Parameter(description = "From this time on (inclusive): ms or ISO-8601; default: the "
                                    + "first record.") @QueryParam("from") String from,
                            @Parameter(description = "Before this time (exclusive); default: after the last record.")
                            @QueryParam("to") String to) {
        ApiCaller me = me();
        List<FieldError> errors = new ArrayList<>();
        Long start = null;
        Long end = null;
        try {
            start = Timestamps.parse("from", from);
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.errors());
        }
        try {
            end = Timestamps.parse("to", to);
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.errors());
        }
        if (start != null && end != null && start >= end) {
            errors.add(new FieldError("from", "must be before to"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long deleted = data.clear(me.accountId(), id, start == null ? 0 : start, end == null ? Long.MAX_VALUE : end);
        return JSON.createObjectBuilder().add("bucket", id).add("deleted", deleted).build();
    }

    private ApiCaller me() {
        ApiCaller me = caller.get();
        me.requireWholeAccount();
        return me;
    }

    /** One record of the body; errors name it {@code records[i]}, also when the body is a single record. */
    private static NewRecord record(JsonValue item, String name) {
        if (!(item instanceof JsonObject object)) {
            throw new InvalidInputException(name, "must be an object {\"value\": …, \"ts\": …}");
        }
        List<FieldError> errors = new ArrayList<>();
        object.keySet().stream().filter(member -> !member.equals("ts") && !member.equals("value")).sorted()
                .forEach(member -> errors.add(new FieldError(name + "." + member, "is not a member of a record; "
                        + "expected ts, value")));
        if (!object.containsKey("value")) {
            errors.add(new FieldError(name + ".value", "is required"));
        }
        Long ts = null;
        try {
            ts = Timestamps.of(name + ".ts", object.get("ts"));
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new NewRecord(ts, BucketData.asRecord(object.get("value")), null);
    }
}
