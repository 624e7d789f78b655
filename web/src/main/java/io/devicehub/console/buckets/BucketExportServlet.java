package io.devicehub.console.buckets;

import io.devicehub.account.Accounts;
import io.devicehub.api.buckets.RecordExport;
import io.devicehub.bucket.Bucket;
import io.devicehub.bucket.BucketReads;
import io.devicehub.bucket.Buckets;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * {@code GET /buckets/export?id=…&format=csv|ndjson|json&from=…&to=…} (milliseconds since 1970), or {@code
 * &last=…} (the milliseconds before now) instead of from and to: the console's export buttons,
 * for the signed-in account (the console's sign-in protects {@code /buckets/*}). The same streamed export as the
 * REST API's {@code /api/v1/buckets/{id}/export}, oldest first, ISO-8601 times, every field.
 */
@WebServlet("/buckets/export")
public class BucketExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    @Inject
    Buckets buckets;

    @Inject
    BucketReads data;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal caller = request.getUserPrincipal();
        Optional<Long> accountId = caller == null ? Optional.empty()
                : accounts.findByUsername(caller.getName()).map(account -> account.getId());
        if (accountId.isEmpty()) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        Optional<RecordExport.Format> format = RecordExport.Format.of(
                Optional.ofNullable(request.getParameter("format")).orElse("csv"));
        Long last = millis(request.getParameter("last"), -1);
        long now = System.currentTimeMillis();
        Long from = last != null && last >= 0 ? Long.valueOf(now - last) : millis(request.getParameter("from"), 0);
        Long to = last != null && last >= 0 ? Long.valueOf(now + 1) : millis(request.getParameter("to"), Long.MAX_VALUE);
        if (format.isEmpty() || last == null || from == null || to == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "format must be csv, ndjson or json; from, to "
                    + "and last milliseconds");
            return;
        }
        Optional<Bucket> bucket = buckets.find(accountId.get(), request.getParameter("id"));
        if (bucket.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        RecordExport export = RecordExport.of(data, accountId.get(), bucket.get(), from, to, false, format.get(),
                RecordExport.TimestampStyle.ISO, null);
        response.setContentType(format.get().mediaType());
        response.setHeader("Content-Disposition", "attachment; filename=\""
                + RecordExport.fileName(bucket.get(), format.get()) + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        export.write(response.getOutputStream());
    }

    private static Long millis(String text, long absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        return text.strip().matches("-?\\d{1,15}") ? Long.parseLong(text.strip()) : null;
    }
}
