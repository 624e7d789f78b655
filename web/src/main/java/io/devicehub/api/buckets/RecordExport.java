package io.devicehub.api.buckets;

import io.devicehub.bucket.Bucket;
import io.devicehub.bucket.BucketReads;
import io.devicehub.bucket.BucketRecords;
import io.devicehub.bucket.RecordFields;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A bucket's records written out as CSV, NDJSON or JSON while they are read: page after page of
 * {@value BucketReads#EXPORT_PAGE} records, each page flushed to the client, so that the first bytes leave at once
 * and the server holds one page at a time however many records there are.
 * <ul>
 * <li>CSV (RFC 4180): a header {@code ts,device,<field>…}, a row per record; nested objects are dotted columns
 * ({@code climate.celsius}), arrays and deeper objects their JSON, a missing field or {@code null} an empty cell.
 * Values are written as stored, never altered.</li>
 * <li>NDJSON: one {@code {"ts", "device", "value"}} object per line; JSON: an array of them.</li>
 * </ul>
 *
 * @param fields the fields to export (CSV columns; in JSON, the members kept) or {@code null} for all
 */
public record RecordExport(BucketReads data, long accountId, long bucketId, long from, long to, boolean newestFirst,
                    Format format, TimestampStyle timestamps, List<String> fields) implements StreamingOutput {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** What an export is written as. */
    public enum Format {
        CSV("text/csv; charset=utf-8", "csv"),
        NDJSON("application/x-ndjson", "ndjson"),
        JSON("application/json", "json");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        public static Optional<Format> of(String name) {
            for (Format format : values()) {
                if (format.extension.equals(name)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    /** How timestamps are written. */
    public enum TimestampStyle {
        /** {@code 2026-12-02T08:30:00.250Z}. */
        ISO,
        /** Milliseconds since 1970: {@code 1796199000250}. */
        MS,
        /** Seconds since 1970, with the milliseconds as a fraction when there are any: {@code 1796199000.25}. */
        S;

        String format(long millis) {
            return switch (this) {
                case ISO -> Timestamps.format(millis);
                case MS -> Long.toString(millis);
                case S -> millis % 1000 == 0 ? Long.toString(millis / 1000)
                        : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
            };
        }

        boolean isNumber() {
            return this != ISO;
        }

        static Optional<TimestampStyle> of(String name) {
            for (TimestampStyle style : values()) {
                if (style.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return Optional.of(style);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * An export of {@code bucket}'s records in {@code [from, to)}; {@code fields} {@code null} means, in CSV, a column
     * for every field the bucket's records have had (sorted by path), in NDJSON and JSON the whole records.
     */
    public static RecordExport of(BucketReads data, long accountId, Bucket bucket, long from, long to,
                                  boolean newestFirst, Format format, TimestampStyle timestamps, List<String> fields) {
        List<String> columns = fields == null && format == Format.CSV
                ? List.copyOf(data.fields(accountId, bucket.getIdentifier()).keySet()) : fields;
        return new RecordExport(data, accountId, bucket.getId(), from, to, newestFirst, format, timestamps, columns);
    }

    /** The file name a download of {@code bucket} is offered as. */
    public static String fileName(Bucket bucket, Format format) {
        return bucket.getIdentifier() + "." + format.extension();
    }

    @Override
    public void write(OutputStream output) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
        List<String> columns = fields;
        if (format == Format.CSV) {
            out.write("ts,device");
            for (String column : columns) {
                out.write(',');
                csv(out, column);
            }
            out.write("\r\n");
        } else if (format == Format.JSON) {
            out.write('[');
        }
        long lower = from;
        long upper = to;
        boolean first = true;
        List<BucketRecords.StoredRecord> page;
        do {
            page = data.exportPage(accountId, bucketId, lower, upper, newestFirst);
            for (BucketRecords.StoredRecord record : page) {
                switch (format) {
                    case CSV -> row(out, record, columns);
                    case NDJSON -> {
                        json(out, record);
                        out.write('\n');
                    }
                    case JSON -> {
                        out.write(first ? "\n" : ",\n");
                        json(out, record);
                    }
                }
                first = false;
            }
            if (!page.isEmpty()) {
                long last = page.get(page.size() - 1).ts();
                if (newestFirst) {
                    upper = last;
                } else {
                    lower = last + 1;
                }
            }
            out.flush();
        } while (page.size() == BucketReads.EXPORT_PAGE);
        if (format == Format.JSON) {
            out.write(first ? "]\n" : "\n]\n");
        }
        out.flush();
    }

    private void row(Writer out, BucketRecords.StoredRecord record, List<String> columns) throws IOException {
        out.write(timestamps.format(record.ts()));
        out.write(',');
        if (record.device() != null) {
            out.write(record.device()); // an identifier: nothing to quote
        }
        JsonObject value = parse(record.json());
        for (String column : columns) {
            out.write(',');
            JsonValue cell = RecordFields.valueAt(value, column);
            if (cell == null || cell == JsonValue.NULL) {
                continue;
            }
            if (cell instanceof JsonString text) {
                csv(out, text.getString());
            } else if (cell instanceof JsonNumber || cell == JsonValue.TRUE || cell == JsonValue.FALSE) {
                out.write(cell.toString());
            } else {
                csv(out, cell.toString());
            }
        }
        out.write("\r\n");
    }

    private void json(Writer out, BucketRecords.StoredRecord record) throws IOException {
        out.write("{\"ts\":");
        String ts = timestamps.format(record.ts());
        if (timestamps.isNumber()) {
            out.write(ts);
        } else {
            out.write('"');
            out.write(ts);
            out.write('"');
        }
        if (record.device() != null) {
            out.write(",\"device\":\"");
            out.write(record.device());
            out.write('"');
        }
        out.write(",\"value\":");
        out.write(fields == null ? record.json() : select(parse(record.json()), fields).toString());
        out.write('}');
    }

    /** The record with only these fields, nested as they were. */
    static JsonObject select(JsonObject record, List<String> paths) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (String path : paths) {
            JsonValue value = RecordFields.valueAt(record, path);
            if (value == null) {
                continue;
            }
            String[] names = path.split("\\.");
            Map<String, Object> node = tree;
            for (int i = 0; i < names.length - 1; i++) {
                Object child = node.computeIfAbsent(names[i], name -> new LinkedHashMap<String, Object>());
                if (!(child instanceof Map)) {
                    break; // a field and a field inside it: the outer one was chosen whole
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) child;
                node = nested;
            }
            node.putIfAbsent(names[names.length - 1], value);
        }
        return build(tree);
    }

    @SuppressWarnings("unchecked")
    private static JsonObject build(Map<String, Object> tree) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        tree.forEach((name, value) -> object.add(name, value instanceof Map<?, ?> nested
                ? build((Map<String, Object>) nested) : (JsonValue) value));
        return object.build();
    }

    private static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** A CSV cell: quoted when it holds a comma, a quote, a line break, or spaces at either end. */
    static void csv(Writer out, String text) throws IOException {
        boolean quote = !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ');
        for (int i = 0; !quote && i < text.length(); i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }
}
