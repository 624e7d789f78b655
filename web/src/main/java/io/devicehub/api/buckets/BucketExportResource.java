package io.devicehub.api.buckets;

import io.devicehub.api.security.ApiCaller;
import io.devicehub.api.security.CurrentCaller;
import io.devicehub.api.security.RequiresScope;
import io.devicehub.bucket.Bucket;
import io.devicehub.bucket.BucketReads;
import io.devicehub.bucket.Buckets;
import io.devicehub.bucket.RecordFields;
import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import io.devicehub.token.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** {@code GET /api/v1/buckets/{id}/export}: a bucket's records as a file, streamed while they are read. */
@Path("v1/buckets/{id}/export")
@RequestScoped
@Tag(name = "Buckets")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
public class BucketExportResource {

    /** The most fields one export may name. */
    static final int MAX_FIELDS = 1000;

    @Inject
    Buckets buckets;

    @Inject
    BucketReads reads;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces({"text/csv", "application/x-ndjson", "application/json"})
    @RequiresScope(Scope.BUCKETS_READ)
    @Operation(summary = "Export records", description = "The records of a time range as a download (Content-"
            + "Disposition: attachment), streamed: the first records arrive at once and the server holds one page at "
            + "a time, however many there are. csv: a header ts,device,<field>… and a row per record, nested "
            + "objects as dotted columns (climate.celsius), arrays as their JSON, empty cells where a record has no "
            + "such field; ndjson: a {ts, device, value} object per line; json: an array of them. Oldest first by "
            + "default. Not a snapshot: records written or deleted meanwhile may or may not be in it. An export "
            + "the server cannot finish (its database fails) ends early, which only a JSON export shows (no closing "
            + "bracket). Needs buckets:read.")
    @APIResponse(responseCode = "200", description = "The records", content = {
            @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = "ts,device,celsius,"
                    + "humidity\r\n2026-12-02T08:00:00Z,greenhouse-1,21.5,40\r\n")),
            @Content(mediaType = "application/x-ndjson", examples = @ExampleObject(name = "ndjson", value = "{\"ts\":"
                    + "\"2026-12-02T08:00:00Z\",\"device\":\"greenhouse-1\",\"value\":{\"celsius\":21.5}}\n"))})
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    public Response export(@PathParam("id") String id,
                           @Parameter(description = "csv (default), ndjson or json.", example = "csv")
                           @QueryParam("format") String format,
                           @Parameter(description = "From this time on (inclusive): ms or ISO-8601; default: the "
                                   + "first record.") @QueryParam("from") String from,
                           @Parameter(description = "Before this time (exclusive); default: after the last record.")
                           @QueryParam("to") String to,
                           @Parameter(description = "oldest (default) or newest first.") @QueryParam("order")
                           String order,
                           @Parameter(description = "Comma-separated field paths (the CSV's columns, in this order; "
                                   + "in JSON the members kept); default: every field the bucket's records have had.",
                                   example = "celsius,humidity") @QueryParam("fields") String fields,
                           @Parameter(description = "How times are written: iso (default), ms or s (seconds since "
                                   + "1970, milliseconds as a fraction).", example = "iso")
                           @QueryParam("timestamps") String timestamps) {
        ApiCaller me = caller.get();
        me.requireWholeAccount();
        List<FieldError> errors = new ArrayList<>();
        RecordExport.Format chosen = format == null || format.isBlank() ? RecordExport.Format.CSV
                : RecordExport.Format.of(format.strip()).orElse(null);
        if (chosen == null) {
            errors.add(new FieldError("format", "must be csv, ndjson or json"));
        }
        RecordExport.TimestampStyle style = timestamps == null || timestamps.isBlank() ? RecordExport.TimestampStyle.ISO
                : RecordExport.TimestampStyle.of(timestamps.strip()).orElse(null);
        if (style == null) {
            errors.add(new FieldError("timestamps", "must be iso, ms or s"));
        }
        boolean newestFirst = order != null && order.strip().equals("newest");
        if (order != null && !order.isBlank() && !newestFirst && !order.strip().equals("oldest")) {
            errors.add(new FieldError("order", "must be oldest or newest"));
        }
        List<String> paths = paths(fields, errors);
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
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(FieldError::field));
            throw new InvalidInputException(errors);
        }
        Bucket bucket = buckets.get(me.accountId(), id);
        RecordExport export = RecordExport.of(reads, me.accountId(), bucket, start == null ? 0 : start,
                end == null ? Long.MAX_VALUE : end, newestFirst, chosen, style, paths);
        return Response.ok(export, chosen.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + RecordExport.fileName(bucket,
                        chosen) + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The fields named, in order and without repeats; {@code null} for all. */
    private static List<String> paths(String fields, List<FieldError> errors) {
        if (fields == null || fields.isBlank()) {
            return null;
        }
        List<String> paths = List.copyOf(new LinkedHashSet<>(Arrays.stream(fields.split(",")).map(String::strip)
                .filter(path -> !path.isEmpty()).toList()));
        if (paths.isEmpty() || paths.size() > MAX_FIELDS) {
            errors.add(new FieldError("fields", "must name 1 to " + MAX_FIELDS + " fields"));
        }
        paths.stream().filter(path -> !RecordFields.isPath(path)).findFirst().ifPresent(path -> errors.add(
                new FieldError("fields", "'" + path + "' is not a field's path such as climate.celsius")));
        return paths;
    }
}
