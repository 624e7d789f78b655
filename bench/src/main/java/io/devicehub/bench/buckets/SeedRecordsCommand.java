package io.devicehub.bench.buckets;

import io.devicehub.bench.Arguments;
import io.devicehub.bench.Command;
import io.devicehub.bench.ResultFile;
import jakarta.json.Json;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code seed-records}: a bucket of an account (seeded before) with N records one second apart, ending now, straight
 * into the database while the server is stopped — the large bucket the queries, aggregation and export run on. The
 * rows are what the server itself writes: the record, its fields, its roll-ups (each minute's count, sum, minimum,
 * maximum, first and last timestamp of each field, and its count of records), the bucket's count and last write.
 */
public final class SeedRecordsCommand implements Command {

    private static final int ROWS_PER_INSERT = 1000;
    private static final int ROWS_PER_COMMIT = 50_000;

    @Override
    public String summary() {
        return "seed-records --db-url URL [--db-user U] --account NAME [--bucket big] --records N [--out FILE]\n"
                + "      a bucket of N records one second apart, ending now, straight into the database"
                + " (env DB_PASSWORD)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        String url = arguments.required("db-url");
        String user = arguments.string("db-user", "devicehub");
        String username = arguments.required("account");
        String bucket = arguments.string("bucket", "big");
        int records = arguments.integer("records", 1_000_000);
        Path out = arguments.path("out", null);
        arguments.done();

        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, user,
                System.getenv().getOrDefault("DB_PASSWORD", "devicehub"))) {
            db.setAutoCommit(false);
            boolean h2 = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            long accountId = accountId(db, username);
            long end = Instant.now().toEpochMilli() / 1000 * 1000;
            long bucketId = insertBucket(db, accountId, bucket, records, end);
            insertRecords(db, h2, bucketId, records, end);
            insertRollups(db, bucketId, records, end);
            db.commit();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("seed-records: bucket %s of %s with %,d records in %.1f s%n", bucket, username, records,
                millis / 1000.0);
        if (out != null) {
            ResultFile.write(out, Json.createObjectBuilder().add("bucket", bucket).add("records", records)
                    .add("millis", millis).build());
        }
        return 0;
    }

    private static long accountId(Connection db, String username) throws SQLException {
        try (PreparedStatement find = db.prepareStatement("SELECT id FROM account WHERE username = ?")) {
            find.setString(1, username);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no account " + username + " (run seed first)");
                }
                return row.getLong(1);
            }
        }
    }

    private static long insertBucket(Connection db, long accountId, String identifier, int records, long end)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bucket (account_id, identifier, name,"
                + " enabled, source, retention_amount, retention_unit, records, last_write_at, samples_failed,"
                + " created_at, version) VALUES (?, ?, ?, TRUE, 'API', 0, 'DAYS', ?, ?, 0, ?, 0)")) {
            insert.setLong(1, accountId);
            insert.setString(2, identifier);
            insert.setString(3, identifier);
            insert.setLong(4, records);
            insert.setTimestamp(5, Timestamp.from(Instant.ofEpochMilli(end)));
            insert.setTimestamp(6, Timestamp.from(Instant.ofEpochMilli(end)));
            insert.executeUpdate();
        }
        long bucketId;
        try (PreparedStatement find = db.prepareStatement("SELECT id FROM bucket WHERE account_id = ? AND"
                + " identifier = ?")) {
            find.setLong(1, accountId);
            find.setString(2, identifier);
            try (ResultSet row = find.executeQuery()) {
                row.next();
                bucketId = row.getLong(1);
            }
        }
        for (String field : new String[]{"celsius", "humidity"}) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO bucket_field (bucket_id, path,"
                    + " is_number) VALUES (?, ?, TRUE)")) {
                insert.setLong(1, bucketId);
                insert.setString(2, field);
                insert.executeUpdate();
            }
        }
        return bucketId;
    }

    /** Records at {@code end - (records - 1) s} … {@code end}, oldest first. */
    private static void insertRecords(Connection db, boolean h2, long bucketId, int records, long end)
            throws SQLException {
        String row = "(?, ?, NULL, " + (h2 ? "? FORMAT JSON" : "?") + ")";
        long first = end - (records - 1) * 1000L;
        for (int start = 0; start < records; start += ROWS_PER_INSERT) {
            int rows = Math.min(ROWS_PER_INSERT, records - start);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO bucket_record (bucket_id, ts, device,"
                    + " record) VALUES " + (row + ", ").repeat(rows - 1) + row)) {
                int p = 1;
                for (int i = start; i < start + rows; i++) {
                    insert.setLong(p++, bucketId);
                    insert.setLong(p++, first + i * 1000L);
                    insert.setString(p++, "{\"celsius\":" + celsius(i) + ",\"humidity\":" + humidity(i) + "}");
                }
                insert.executeUpdate();
            }
            if ((start + rows) % ROWS_PER_COMMIT == 0) {
                db.commit();
            }
        }
    }

    private static double celsius(int i) {
        return (200 + i % 100) / 10.0;
    }

    private static int humidity(int i) {
        return 40 + i % 30;
    }

    /**
     * The roll-ups of those records, as the server keeps them: per UTC minute a row for the records (path '') and one
     * for each field.
     */
    private static void insertRollups(Connection db, long bucketId, int records, long end) throws SQLException {
        long first = end - (records - 1) * 1000L;
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> rows = new ArrayList<>();
        int i = 0;
        while (i < records) {
            long minute = Math.floorDiv(first + i * 1000L, 60_000L) * 60_000L;
            int from = i;
            double celsiusSum = 0;
            double celsiusMin = Double.POSITIVE_INFINITY;
            double celsiusMax = Double.NEGATIVE_INFINITY;
            double humiditySum = 0;
            double humidityMin = Double.POSITIVE_INFINITY;
            double humidityMax = Double.NEGATIVE_INFINITY;
            while (i < records && first + i * 1000L < minute + 60_000L) {
                celsiusSum += celsius(i);
                celsiusMin = Math.min(celsiusMin, celsius(i));
                celsiusMax = Math.max(celsiusMax, celsius(i));
                humiditySum += humidity(i);
                humidityMin = Math.min(humidityMin, humidity(i));
                humidityMax = Math.max(humidityMax, humidity(i));
                i++;
            }
            long count = i - from;
            long firstTs = first + from * 1000L;
            long lastTs = first + (i - 1) * 1000L;
            rows.add(new Object[]{minute, "", count, 0.0, 0.0, 0.0, firstTs, lastTs});
            rows.add(new Object[]{minute, "celsius", count, celsiusSum, celsiusMin, celsiusMax, firstTs, lastTs});
            rows.add(new Object[]{minute, "humidity", count, humiditySum, humidityMin, humidityMax, firstTs, lastTs});
        }
        for (int start = 0; start < rows.size(); start += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_INSERT));
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO bucket_rollup (bucket_id, minute_ts,"
                    + " path, value_count, sum_value, min_value, max_value, first_ts, last_ts) VALUES "
                    + (row + ", ").repeat(chunk.size() - 1) + row)) {
                int p = 1;
                for (Object[] values : chunk) {
                    insert.setLong(p++, bucketId);
                    insert.setLong(p++, (Long) values[0]);
                    insert.setString(p++, (String) values[1]);
                    insert.setLong(p++, (Long) values[2]);
                    insert.setDouble(p++, (Double) values[3]);
                    insert.setDouble(p++, (Double) values[4]);
                    insert.setDouble(p++, (Double) values[5]);
                    insert.setLong(p++, (Long) values[6]);
                    insert.setLong(p++, (Long) values[7]);
                }
                insert.executeUpdate();
            }
            if ((start / ROWS_PER_INSERT) % 50 == 49) {
                db.commit();
            }
        }
    }
}
