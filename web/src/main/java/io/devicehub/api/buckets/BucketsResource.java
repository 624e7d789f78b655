package io.devicehub.api.buckets;

import io.devicehub.api.json.JsonBody;
import io.devicehub.api.security.ApiCaller;
import io.devicehub.api.security.CurrentCaller;
import io.devicehub.api.security.RequiresScope;
import io.devicehub.bucket.Bucket;
import io.devicehub.bucket.Buckets;
import io.devicehub.common.InvalidInputException;
import io.devicehub.common.Page;
import io.devicehub.sampling.SampledResourceCheck;
import io.devicehub.token.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * {@code /api/v1/buckets}: the account's data buckets, listed and created ({@link BucketResource} is one bucket,
 * {@link BucketRecordsResource} its records). A token limited to one device reaches no bucket: buckets are not that
 * device. One root resource per path depth, as JAX-RS gives each request to the root path with the most literal
 * characters and never tries another.
 */
@Path("v1/buckets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Buckets", description = "Data buckets: the time series devices and programs write")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class BucketsResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final int MAX_PAGE = 500;

    @Inject
    Buckets buckets;

    @Inject
    SampledResourceCheck resourceCheck;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @RequiresScope(Scope.BUCKETS_READ)
    @Operation(summary = "List buckets", description = "One page of the account's buckets, newest first. Needs "
            + "buckets:read.")
    @APIResponse(responseCode = "200", description = "A page of buckets",
            content = @Content(schema = @Schema(implementation = BucketPageJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    public BucketPageJson list(@Parameter(description = "Position of the first bucket, from 0.", example = "0")
                               @QueryParam("offset") String offset,
                               @Parameter(description = "Page size, 1 to 500 (default 20).", example = "20")
                               @QueryParam("limit") String limit) {
        ApiCaller me = me();
        Page<Bucket> page = buckets.list(me.accountId(), number("offset", offset, 0, 0, Integer.MAX_VALUE),
                number("limit", limit, 20, 1, MAX_PAGE));
        return new BucketPageJson(page.items().stream().map(BucketJson::of).toList(), page.total(), page.offset(),
                page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.BUCKETS_WRITE)
    @Operation(summary = "Create a bucket", description = "Its source decides who writes: the server sampling a "
            + "device's output resource, the account's devices (data messages), or programs (the API). Needs "
            + "buckets:write.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewBucket"), examples = {
            @ExampleObject(name = "device writes, 30 days", value = "{\"identifier\": \"climate\", \"name\": "
                    + "\"Greenhouse climate\", \"source\": {\"type\": \"devices\"}, \"retention\": {\"amount\": 30, "
                    + "\"unit\": \"days\"}}"),
            @ExampleObject(name = "a resource every minute", value = "{\"identifier\": \"temperature\", "
                    + "\"source\": {\"type\": \"resource\", \"device\": \"greenhouse-1\", \"resource\": "
                    + "\"temperature\", \"intervalSeconds\": 60}}"),
            @ExampleObject(name = "API writes", value = "{\"identifier\": \"readings\", \"source\": {\"type\": "
                    + "\"api\"}}")}))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = BucketJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "409", description = "You already have a bucket with this identifier",
            content = @Content(mediaType = "application/problem+json"))
    public Response create(JsonBody body) {
        ApiCaller me = me();
        Bucket bucket = buckets.create(me.accountId(), BucketRequest.create(JsonBody.required(body).object()),
                resourceCheck);
        return Response.created(uri.getAbsolutePathBuilder().path(bucket.getIdentifier()).build())
                .entity(BucketJson.of(bucket)).build();
    }

    private ApiCaller me() {
        ApiCaller me = caller.get();
        me.requireWholeAccount();
        return me;
    }

    static int number(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidInputException(name, "must be a whole number from " + min + " to " + max);
    }

    /** One page of buckets, and how many there are in all. */
    @Schema(name = "BucketPage", properties = {
            @SchemaProperty(name = "total", description = "How many buckets the account has.", example = "3")})
    @JsonbPropertyOrder({"items", "total", "offset", "limit"})
    public record BucketPageJson(List<BucketJson> items, long total, int offset, int limit) {
    }
}
