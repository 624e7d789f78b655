package io.devicehub.api.buckets;

import io.devicehub.api.problem.ApiException;
import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemType;
import io.devicehub.api.security.ApiCaller;
import io.devicehub.api.security.CurrentCaller;
import io.devicehub.api.security.RequiresScope;
import io.devicehub.bucket.BucketData;
import io.devicehub.bucket.Buckets;
import io.devicehub.bucket.NewRecord;
import io.devicehub.common.FieldError;
import io.devicehub.token.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/buckets/{id}/import}: records from a CSV file, read as it arrives and stored in transactions
 * of {@value BucketData#MAX_BATCH} rows, with a report of the rows stored and of those refused by line.
 */
@Path("v1/buckets/{id}/import")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Buckets")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
public class BucketImportResource {

    /** 64 MiB: about two million short rows. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** How long the header row may be, in characters, for the separator to be found in it. */
    private static final int HEADER_CHARS = 256 * 1024;
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Buckets buckets;

    @Inject
    BucketData data;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RequiresScope(Scope.BUCKETS_WRITE)
    @Operation(summary = "Import CSV", description = "UTF-8 CSV of at most 64 MiB: a header row naming ts (ms or "
            + "ISO-8601, required), optionally device, and fields (dotted names nest: climate.celsius), then a row per "
            + "record; comma-separated, or semicolons or tabs when the header has those and no comma. Cells: JSON "
            + "numbers, true, false, null, JSON objects and arrays are those, anything else a string, an empty cell "
            + "leaves the field out. Rows are stored in transactions of 1,000 as they are read, into a bucket of any "
            + "source; a row whose ts the bucket has replaces it. The answer counts the rows stored and refused and "
            + "lists the first 100 refusals by line. An export in CSV imports as it is. Needs buckets:write.")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv",
            value = "ts,celsius,humidity\n2026-12-01T08:00:00Z,20.5,41\n1796112060000,20.6,40\n")))
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = MediaType
            .APPLICATION_JSON, examples = @ExampleObject(name = "report", value = "{\"bucket\": \"climate\", "
            + "\"stored\": 2, \"refused\": 1, \"errors\": [{\"line\": 4, \"message\": \"ts must be milliseconds since "
            + "1970 or an ISO-8601 instant such as 2026-12-02T00:00:00Z\"}]}")))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "409", description = "The bucket is disabled (bucket-disabled)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "413", description = "The file is larger than 64 MiB",
            content = @Content(mediaType = "application/problem+json"))
    public JsonObject importCsv(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        ApiCaller me = caller.get();
        me.requireWholeAccount();
        buckets.get(me.accountId(), id);
        if (headers.getLength() > MAX_BYTES) {
            throw new ImportStoppedException(ProblemType.PAYLOAD_TOO_LARGE, "Imports may be at most " + MAX_BYTES
                    + " bytes; nothing was stored.", null);
        }
        CsvImport.Report report = new CsvImport.Report();
        CsvReader csv = null;
        // Bytes that are not UTF-8 become U+FFFD, and their row is refused: the rows around it are stored.
        try (BufferedReader text = new BufferedReader(new InputStreamReader(new Limited(body),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), HEADER_CHARS)) {
            text.mark(1);
            if (text.read() != '\uFEFF') {
                text.reset(); // no byte order mark
            }
            text.mark(HEADER_CHARS);
            String firstLine = firstLine(text);
            text.reset();
            csv = new CsvReader(text, CsvReader.separatorOf(firstLine));
            CsvReader.Row header = csv.next();
            if (header == null) {
                throw new io.devicehub.common.InvalidInputException("header", "is missing: the file is empty");
            }
            CsvImport rows = CsvImport.of(header.cells());
            List<NewRecord> batch = new ArrayList<>(BucketData.MAX_BATCH);
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.cells().size() == 1 && row.cells().get(0).isBlank()) {
                    continue; // an empty line
                }
                CsvImport.Converted converted = rows.convert(row, System.currentTimeMillis());
                if (converted.record() == null) {
                    report.refuse(row.line(), converted.refusal());
                    continue;
                }
                batch.add(converted.record());
                if (batch.size() == BucketData.MAX_BATCH) {
                    store(me, id, batch, report);
                }
            }
            store(me, id, batch, report);
        } catch (Limited.TooLargeException tooLarge) {
            throw new ImportStoppedException(ProblemType.PAYLOAD_TOO_LARGE, "Imports may be at most " + MAX_BYTES
                    + " bytes; reading stopped at line " + line(csv) + ". " + stored(report), null);
        } catch (CsvReader.UnreadableException unreadable) {
            throw new ImportStoppedException(ProblemType.INVALID_INPUT, "The CSV cannot be read on: "
                    + unreadable.getMessage() + ". " + stored(report), "body");
        } catch (IOException broken) {
            throw new ImportStoppedException(ProblemType.BAD_REQUEST, "The upload broke off at line " + line(csv)
                    + ". " + stored(report), null);
        }
        JsonArrayBuilder errors = JSON.createArrayBuilder();
        report.errors.forEach(error -> errors.add(JSON.createObjectBuilder().add("line", error.getKey())
                .add("message", error.getValue())));
        return JSON.createObjectBuilder().add("bucket", id).add("stored", report.stored)
                .add("refused", report.refused).add("errors", errors).build();
    }

    private void store(ApiCaller me, String id, List<NewRecord> batch, CsvImport.Report report) {
        if (!batch.isEmpty()) {
            data.write(me.accountId(), id, batch, new BucketData.Writer.Import());
            report.stored += batch.size(); // rows: one whose ts came again was stored, then replaced
            batch.clear();
        }
    }

    /** The first line, or as much of it as the header may be; the caller resets. */
    private static String firstLine(BufferedReader text) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = text.read(); c >= 0 && c != '\n' && c != '\r' && line.length() < HEADER_CHARS - 1;
             c = text.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private static long line(CsvReader csv) {
        return csv == null ? 1 : csv.line();
    }

    private static String stored(CsvImport.Report report) {
        return report.stored == 0 ? "Nothing was stored." : "The " + report.stored + " rows before it were stored.";
    }

    /** An import that had to stop: what stopped it, and what it stored before. */
    static final class ImportStoppedException extends ApiException {
        ImportStoppedException(ProblemType type, String detail, String field) {
            super(field == null ? Problem.of(type, detail)
                    : Problem.of(type, detail).withErrors(List.of(new FieldError(field, detail))));
        }
    }

    /** Counts what is read and stops one byte past {@link #MAX_BYTES}. */
    private static final class Limited extends FilterInputStream {

        static final class TooLargeException extends IOException {
            TooLargeException() {
                super("larger than " + MAX_BYTES + " bytes");
            }
        }

        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > MAX_BYTES) {
                throw new TooLargeException();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (count += n) > MAX_BYTES) {
                throw new TooLargeException();
            }
            return n;
        }
    }
}
