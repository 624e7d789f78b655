package io.devicehub.api.buckets;

import io.devicehub.api.json.JsonBody;
import io.devicehub.api.security.ApiCaller;
import io.devicehub.api.security.CurrentCaller;
import io.devicehub.api.security.RequiresScope;
import io.devicehub.bucket.BucketReads;
import io.devicehub.bucket.Buckets;
import io.devicehub.sampling.SampledResourceCheck;
import io.devicehub.token.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

import java.util.Map;

/** {@code /api/v1/buckets/{id}}: one bucket — its settings, its fields, and aggregates of its records. */
@Path("v1/buckets/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Buckets")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class BucketResource {

    @Inject
    Buckets buckets;

    @Inject
    SampledResourceCheck resourceCheck;

    @Inject
    BucketReads reads;

    @Inject
    CurrentCaller caller;

    @GET
    @RequiresScope(Scope.BUCKETS_READ)
    @Operation(summary = "Read a bucket", description = "Its settings, how many records it holds and when it was "
            + "last written. Needs buckets:read.")
    @APIResponse(responseCode = "200", description = "The bucket",
            content = @Content(schema = @Schema(implementation = BucketJson.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BucketJson get(@Parameter(description = "The bucket identifier.", example = "climate")
                          @PathParam("id") String id) {
        return BucketJson.of(buckets.get(me().accountId(), id));
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, BucketsResource.MERGE_PATCH})
    @RequiresScope(Scope.BUCKETS_WRITE)
    @Operation(summary = "Change a bucket", description = "A JSON merge patch of name, description, enabled, source "
            + "(replaced whole) and retention (null: forever). The identifier never changes. Needs buckets:write.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewBucket"),
            examples = @ExampleObject(name = "disable", value = "{\"enabled\": false}")))
    @APIResponse(responseCode = "200", description = "The changed bucket",
            content = @Content(schema = @Schema(implementation = BucketJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BucketJson update(@PathParam("id") String id, JsonBody body) {
        ApiCaller me = me();
        var patch = JsonBody.required(body).object();
        return BucketJson.of(buckets.change(me.accountId(), id, current -> BucketRequest.patch(patch, current),
                resourceCheck));
    }

    @DELETE
    @RequiresScope(Scope.BUCKETS_WRITE)
    @Operation(summary = "Delete a bucket", description = "It is gone at once and its identifier free again; its "
            + "records are deleted in the background. Needs buckets:write.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@PathParam("id") String id) {
        buckets.delete(me().accountId(), id);
    }

    @GET
    @Path("aggregate")
    @RequiresScope(Scope.BUCKETS_READ)
    @Operation(summary = "Aggregate records", description = "Computed by the database over slots of an interval "
            + "(15m, 1h, 1d, 1w, 1mo, 1y…) aligned to a time zone's calendar: count, min, max, mean, sum, first or "
            + "last of one numeric field or of every one. Only slots that hold records are answered; at most 10,000 "
            + "slots. Needs buckets:read.")
    @APIResponse(responseCode = "200", description = "The slots",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AggregationJson.class),
                    examples = @ExampleObject(name = "hourly means", value = "{\"bucket\": \"climate\", \"interval\": "
                            + "\"1h\", \"function\": \"mean\", \"zone\": \"Europe/Berlin\", \"from\": "
                            + "\"2026-12-01T08:00:00Z\", \"to\": \"2026-12-02T08:00:00Z\", \"fields\": [\"celsius\"], "
                            + "\"items\": [{\"from\": \"2026-12-01T08:00:00Z\", \"to\": \"2026-12-01T09:00:00Z\", "
                            + "\"records\": 60, \"values\": {\"celsius\": 21.3}}]}")))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public AggregationJson aggregate(@PathParam("id") String id,
                                     @Parameter(description = "From this time on (inclusive); default: a day "
                                             + "before to.") @QueryParam("from") String from,
                                     @Parameter(description = "Before this time (exclusive); default now.")
                                     @QueryParam("to") String to,
                                     @Parameter(description = "Slot length: <n>m, h, d, w, mo or y, from 1m to 1y "
                                             + "(default 1h).", example = "1h") @QueryParam("interval") String interval,
                                     @Parameter(description = "count, min, max, mean (default), sum, first, last.",
                                             example = "mean") @QueryParam("function") String function,
                                     @Parameter(description = "A numeric field's path (climate.celsius); every "
                                             + "numeric field when left out.", example = "celsius")
                                     @QueryParam("field") String field,
                                     @Parameter(description = "The time zone whose calendar slots follow (default "
                                             + "UTC).", example = "Europe/Berlin") @QueryParam("zone") String zone) {
        ApiCaller me = me();
        AggregationQuery query = AggregationQuery.parse(from, to, interval, function, field, zone);
        return AggregationJson.of(id, reads.aggregate(me.accountId(), id, query.from(), query.to(), query.interval(),
                query.zone(), query.function(), query.field()));
    }

    @GET
    @Path("fields")
    @RequiresScope(Scope.BUCKETS_READ)
    @Operation(summary = "A bucket's fields", description = "The fields its records have had, as dotted paths "
            + "(climate.celsius), and whether each was a number: the columns of a CSV export and the series of "
            + "charts. Needs buckets:read.")
    @APIResponse(responseCode = "200", description = "path → whether it was ever a number",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "fields",
                    value = "{\"celsius\": true, \"humidity\": true, \"status\": false}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Map<String, Boolean> fields(@PathParam("id") String id) {
        return reads.fields(me().accountId(), id);
    }

    private ApiCaller me() {
        ApiCaller me = caller.get();
        me.requireWholeAccount();
        return me;
    }
}
