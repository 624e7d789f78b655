package io.devicehub.bucket;

import jakarta.json.JsonObject;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roll-ups against the records they sum up, on a real H2 with the migrations: two buckets get the same writes,
 * replacements and deletions, one with roll-ups (as every new bucket) and one without (as a bucket from before them,
 * aggregated from its records' JSON); every aggregation must come out the same, and once the background roll-up has
 * gone through the second bucket, so must its roll-ups. The values are quarters, whose sums are exact in doubles,
 * so the two ways must agree to the bit. (MySQL/MariaDB's SQL is covered by the integration tests.)
 */
class RollupsTest {

    private static final long T0 = Instant.parse("2026-03-28T22:58:17.250Z").toEpochMilli();
    private static final List<String> FIELDS = List.of("celsius", "climate.rh", "count");

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final BucketRecords records = new BucketRecords();
    private final RecordAggregates aggregates = new RecordAggregates();
    private final Random random = new Random(20261202);
    private long rolled;
    private long unrolled;

    @BeforeEach
    void migrate() throws SQLException {
        h2.setURL("jdbc:h2:mem:rollups-" + System.nanoTime() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration")
                .placeholders(Map.of("table_options", "", "case_sensitive", "")).load().migrate(); // as for H2
        records.dataSource = h2;
        aggregates.dataSource = h2;
        try (Connection connection = h2.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO account (username, email, password_hash, created_at, version)"
                    + " VALUES ('a', 'a@x', 'h', CURRENT_TIMESTAMP, 0)");
            String bucket = "INSERT INTO bucket (account_id, identifier, name, enabled, source, retention_amount,"
                    + " retention_unit, created_at, version) VALUES (1, '%s', '%1$s', TRUE, 'API', 0, 'DAYS',"
                    + " CURRENT_TIMESTAMP, 0)";
            sql.execute(bucket.formatted("rolled"));
            sql.execute(bucket.formatted("unrolled"));
            rolled = id(sql, "rolled");
            unrolled = id(sql, "unrolled");
            sql.execute("UPDATE bucket SET rolled_up_to = 0 WHERE id = " + unrolled);
        }
    }

    @Test
    void aggregationsFromRollUpsEqualThoseFromTheRecords() throws SQLException {
        List<Long> written = new ArrayList<>();
        for (int batch = 0; batch < 40; batch++) {
            Map<Long, String> records = new LinkedHashMap<>();
            for (int i = 0; i < 60; i++) {
                long ts = batch % 4 == 3 && !written.isEmpty() // every fourth batch replaces earlier records
                        ? written.get(random.nextInt(written.size()))
                        : T0 + random.nextLong(3 * 3_600_000L);
                records.put(ts, randomRecord());
                written.add(ts);
            }
            storeInBoth(records);
        }
        // A user clears ranges that begin and end inside minutes; retention deletes the oldest in small chunks.
        for (long[] range : List.of(new long[]{T0 + 600_123, T0 + 1_500_877}, new long[]{T0 + 7_000_000,
                T0 + 7_000_500})) {
            for (long bucket : List.of(rolled, unrolled)) {
                while (records.deleteOldest(bucket, range[0], range[1], 17) == 17) {
                    // chunk after chunk, as BucketTrim does
                }
            }
        }
        records.deleteOldest(rolled, 0, T0 + 300_000, 25);
        records.deleteOldest(unrolled, 0, T0 + 300_000, 25);
        assertTrue(rollupRows(rolled).size() > 100);
        assertEquals(0, rollupRows(unrolled).size(), "a bucket from before roll-ups has none until rolled up");

        compareAll();

        int chunks = 0;
        while (records.rollUp(unrolled, 37)) {
            chunks++;
        }
        assertTrue(chunks > 10, "rolled up in chunks: " + chunks);
        assertFalse(records.rollUp(unrolled, 37));
        assertEquals(rollupRows(rolled), rollupRows(unrolled), "the background roll-up makes the same rows");
        assertTrue(records.notRolledUp().isEmpty());

        storeInBoth(Map.of(T0 + 60_000, "{\"celsius\":-3.25}", T0 + 60_001, "{\"celsius\":\"n/a\"}"));
        assertEquals(rollupRows(rolled), rollupRows(unrolled), "both keep their roll-ups as they are written to");
    }

    @Test
    void aMinuteWhoseRecordsAreReplacedOrDeletedIsComputedAgain() throws SQLException {
        long minute = Rollups.minuteOf(T0) + 60_000;
        store(rolled, Map.of(minute + 1, "{\"celsius\":1}", minute + 2, "{\"celsius\":5}", minute + 3,
                "{\"celsius\":3}"));
        assertEquals(List.of(1.0, 5.0, 9.0, 3.0), minuteOf(rolled, minute, AggregateFunction.MIN,
                AggregateFunction.MAX, AggregateFunction.SUM, AggregateFunction.COUNT));
        store(rolled, Map.of(minute + 2, "{\"celsius\":2}", minute + 3, "{\"status\":\"off\"}"));
        assertEquals(List.of(1.0, 2.0, 3.0, 2.0), minuteOf(rolled, minute, AggregateFunction.MIN,
                AggregateFunction.MAX, AggregateFunction.SUM, AggregateFunction.COUNT), "the old 5 and 3 are gone");
        assertEquals(List.of(1.0, 2.0), minuteOf(rolled, minute, AggregateFunction.FIRST, AggregateFunction.LAST));
        records.deleteOldest(rolled, minute, minute + 2, 100);
        assertEquals(List.of(2.0, 2.0, 1.0), minuteOf(rolled, minute, AggregateFunction.MIN,
                AggregateFunction.MAX, AggregateFunction.COUNT));
        records.deleteOldest(rolled, 0, Long.MAX_VALUE, 100);
        assertEquals(0, rollupRows(rolled).size(), "no records, no roll-ups");
    }

    @Test
    void anUpgradeMarksBucketsThatHoldRecordsForTheBackgroundRollUp() throws SQLException {
        JdbcDataSource old = new JdbcDataSource();
        old.setURL("jdbc:h2:mem:upgrade-" + System.nanoTime() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
        Map<String, String> placeholders = Map.of("table_options", "", "case_sensitive", "");
        Flyway.configure().dataSource(old).locations("classpath:db/migration").placeholders(placeholders)
                .target("4").load().migrate();
        try (Connection connection = old.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO account (username, email, password_hash, created_at, version)"
                    + " VALUES ('a', 'a@x', 'h', CURRENT_TIMESTAMP, 0)");
            sql.execute("INSERT INTO bucket (account_id, identifier, name, enabled, source, retention_amount,"
                    + " retention_unit, records, created_at, version) VALUES (1, 'full', 'full', TRUE, 'API', 0,"
                    + " 'DAYS', 2, CURRENT_TIMESTAMP, 0), (1, 'empty', 'empty', TRUE, 'API', 0, 'DAYS', 0,"
                    + " CURRENT_TIMESTAMP, 0)");
            sql.execute("INSERT INTO bucket_field (bucket_id, path, is_number) VALUES (1, 'celsius', TRUE)");
            sql.execute("INSERT INTO bucket_record (bucket_id, ts, record) VALUES (1, " + T0 + ", '{\"celsius\":2}'"
                    + " FORMAT JSON), (1, " + (T0 + 1) + ", '{\"celsius\":4}' FORMAT JSON)");
        }
        Flyway.configure().dataSource(old).locations("classpath:db/migration").placeholders(placeholders).load()
                .migrate();
        records.dataSource = old;
        aggregates.dataSource = old;
        assertEquals(List.of(1L), records.notRolledUp(), "the bucket with records, not the empty one");
        assertEquals(List.of(3.0), minuteOf(1, Rollups.minuteOf(T0), AggregateFunction.MEAN), "from the records");
        assertFalse(records.rollUp(1, 5000));
        assertEquals(List.of(), records.notRolledUp());
        try (Connection connection = old.getConnection(); Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM bucket_rollup WHERE bucket_id = 1")) {
            count.next();
            assertEquals(2, count.getInt(1), "the minute's records and its celsius");
        }
        assertEquals(List.of(3.0, 2.0), minuteOf(1, Rollups.minuteOf(T0), AggregateFunction.MEAN,
                AggregateFunction.COUNT), "from the roll-ups");
    }

    private List<Double> minuteOf(long bucket, long minute, AggregateFunction... functions) throws SQLException {
        List<Double> values = new ArrayList<>();
        for (AggregateFunction function : functions) {
            Slots slots = Slots.of(minute, minute + 60_000, Interval.parse("1m").orElseThrow(), ZoneId.of("UTC"));
            values.add(aggregates.aggregate(bucket, minute, minute + 60_000, slots, function, List.of("celsius"))
                    .get(0).values().get("celsius"));
        }
        return values;
    }

    private void compareAll() throws SQLException {
        int compared = 0;
        for (String interval : List.of("1m", "7m", "1h", "1d")) {
            for (String zone : List.of("UTC", "Europe/Berlin", "Asia/Kathmandu", "America/St_Johns")) {
                for (long[] range : List.of(new long[]{T0 - 3_600_000, T0 + 4 * 3_600_000},
                        new long[]{T0 + 1_234, T0 + 2 * 3_600_000 + 59_999}, new long[]{T0 + 100, T0 + 50_000})) {
                    for (AggregateFunction function : AggregateFunction.values()) {
                        Interval length = Interval.parse(interval).orElseThrow();
                        ZoneId in = ZoneId.of(zone);
                        Slots slots = Slots.of(range[0], range[1], length, in);
                        List<RecordAggregates.Slot> fromRollups = aggregates.aggregate(rolled, range[0], range[1],
                                slots, function, FIELDS);
                        List<RecordAggregates.Slot> fromRecords = aggregates.aggregate(unrolled, range[0], range[1],
                                slots, function, FIELDS);
                        assertEquals(fromRecords, fromRollups, interval + " " + zone + " " + function + " "
                                + Instant.ofEpochMilli(range[0]) + "–" + Instant.ofEpochMilli(range[1]));
                        compared += fromRecords.size();
                    }
                }
            }
        }
        assertTrue(compared > 1000, "slots compared: " + compared);
    }

    private String randomRecord() {
        StringBuilder json = new StringBuilder("{");
        if (random.nextInt(5) > 0) {
            json.append("\"celsius\":").append(random.nextInt(400) / 4.0 - 20).append(',');
        } else {
            json.append("\"celsius\":\"broken\",");
        }
        if (random.nextBoolean()) {
            json.append("\"climate\":{\"rh\":").append(random.nextInt(100)).append("},");
        }
        json.append("\"count\":").append(random.nextInt(1000)).append(",\"status\":\"ok\"}");
        return json.toString();
    }

    private void storeInBoth(Map<Long, String> batch) throws SQLException {
        store(rolled, batch);
        store(unrolled, batch);
    }

    private void store(long bucket, Map<Long, String> batch) throws SQLException {
        List<BucketRecords.StoredRecord> stored = new ArrayList<>();
        List<Map<String, Double>> numbers = new ArrayList<>();
        Map<String, Boolean> fields = new LinkedHashMap<>();
        for (Map.Entry<Long, String> record : new TreeMap<>(batch).entrySet()) {
            JsonObject value = Rollups.parse(record.getValue());
            stored.add(new BucketRecords.StoredRecord(record.getKey(), null, record.getValue()));
            numbers.add(RecordFields.numbersOf(value));
            RecordFields.of(value).forEach((path, number) -> fields.merge(path, number, Boolean::logicalOr));
        }
        records.store(bucket, stored, numbers, fields, Instant.now());
    }

    private List<String> rollupRows(long bucket) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = h2.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT minute_ts, path, value_count, sum_value, min_value, max_value,"
                     + " first_ts, last_ts FROM bucket_rollup WHERE bucket_id = " + bucket
                     + " ORDER BY minute_ts, path")) {
            while (row.next()) {
                rows.add(row.getLong(1) + " " + row.getString(2) + " " + row.getLong(3) + " " + row.getDouble(4) + " "
                        + row.getDouble(5) + " " + row.getDouble(6) + " " + row.getLong(7) + " " + row.getLong(8));
            }
        }
        return rows;
    }

    private static long id(Statement sql, String identifier) throws SQLException {
        try (ResultSet row = sql.executeQuery("SELECT id FROM bucket WHERE identifier = '" + identifier + "'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
