package io.devicehub.bucket;

import io.devicehub.database.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records of buckets in {@code bucket_record}, through JDBC in the caller's transaction: JPA would build an
 * object per row where a write is a batch of thousands and a read a range scan. Writes lock their bucket's row
 * first, so that a bucket's writes take turns and its counters stay exact; new records go in multi-row INSERTs,
 * replaced ones in a batch of UPDATEs, and the bucket's fields are noted for exports and charts.
 */
@ApplicationScoped
public class BucketRecords {

    /** Fields one bucket keeps track of; fields past this many are stored, but are no column or series. */
    public static final int MAX_FIELDS = 1000;
    private static final int ROWS_PER_INSERT = 100;
    private static final int TIMESTAMPS_PER_QUERY = 500;
    /**
     * The orders of a range scan, named by both columns of the primary key: H2 reads a range in the key's order and
     * stops at the LIMIT only when ORDER BY names the key's columns; ordered by {@code ts} alone it reads the whole
     * range and sorts it (the 100 newest of 10 million records took 29 s). MySQL takes either.
     */
    private static final String OLDEST_FIRST = "bucket_id, ts";
    private static final String NEWEST_FIRST = "bucket_id DESC, ts DESC";

    @Resource(lookup = SchemaMigrations.DATA_SOURCE)
    DataSource dataSource;

    private volatile RecordSql sql;

    /** A record as stored: its JSON text, already checked. */
    public record StoredRecord(long ts, String device, String json) {
    }

    /**
     * Stores records of one bucket in the caller's transaction; a record whose timestamp the bucket already has
     * replaces it. Timestamps must be distinct. The bucket's roll-ups follow: added to for new records, computed
     * again for the minutes where a record was replaced.
     *
     * @param numbers each record's numbers by path ({@link RecordFields#numbersOf}), in the order of {@code records}
     * @param fields  the fields of all these records (see {@link RecordFields}), path → whether a number
     * @return how many of them are new (the others replaced records)
     */
    int store(long bucketId, List<StoredRecord> records, List<Map<String, Double>> numbers,
              Map<String, Boolean> fields, java.time.Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            RecordSql dialect = dialect(connection);
            long rolledUpTo = lock(connection, bucketId);
            Set<Long> existing = existing(connection, dialect, bucketId, records);
            List<StoredRecord> added = new ArrayList<>();
            List<StoredRecord> replaced = new ArrayList<>();
            for (StoredRecord record : records) {
                (existing.contains(record.ts()) ? replaced : added).add(record);
            }
            insert(connection, dialect, bucketId, added);
            replace(connection, dialect, bucketId, replaced);
            Set<String> tracked = noteFields(connection, bucketId, fields);
            Rollups rollups = new Rollups();
            Set<Long> changedMinutes = new java.util.TreeSet<>();
            for (int i = 0; i < records.size(); i++) {
                long ts = records.get(i).ts();
                if (Rollups.minuteOf(ts) < rolledUpTo) { // later minutes are the background roll-up's
                    if (existing.contains(ts)) {
                        changedMinutes.add(Rollups.minuteOf(ts));
                    } else {
                        rollups.add(ts, numbers.get(i), tracked);
                    }
                }
            }
            rollups.drop(changedMinutes);
            rollups.addTo(connection, dialect, bucketId);
            for (long minute : changedMinutes) {
                Rollups.recompute(connection, bucketId, minute, minute + Rollups.MINUTE, tracked);
            }
            try (PreparedStatement counters = connection.prepareStatement(
                    "UPDATE bucket SET records = records + ?, last_write_at = ? WHERE id = ?")) {
                counters.setLong(1, added.size());
                counters.setTimestamp(2, Timestamp.from(now));
                counters.setLong(3, bucketId);
                counters.executeUpdate();
            }
            return added.size();
        }
    }

    /** Records of a bucket in {@code [from, to)}, newest or oldest first, at most {@code limit}. */
    List<StoredRecord> read(long bucketId, long from, long to, boolean newestFirst, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT ts, device, record FROM bucket_record"
                     + " WHERE bucket_id = ? AND ts >= ? AND ts < ? ORDER BY " + (newestFirst ? NEWEST_FIRST : OLDEST_FIRST)
                     + " LIMIT ?")) {
            query.setLong(1, bucketId);
            query.setLong(2, from);
            query.setLong(3, to);
            query.setInt(4, limit);
            List<StoredRecord> records = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    records.add(new StoredRecord(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
            return records;
        }
    }

    /** How many of the bucket's records lie in {@code [from, to)}, counting no further than {@code cap}. */
    long count(long bucketId, long from, long to, long cap) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT ts FROM"
                     + " bucket_record WHERE bucket_id = ? AND ts >= ? AND ts < ? LIMIT ?) capped")) {
            query.setLong(1, bucketId);
            query.setLong(2, from);
            query.setLong(3, to);
            query.setLong(4, cap);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Deletes up to {@code chunk} of the bucket's oldest records in {@code [from, to)} (milliseconds), in the
     * caller's transaction, holding the bucket's lock as writes do, and keeps its count exact.
     *
     * @return how many were deleted; fewer than {@code chunk} means none are left in the range
     */
    int deleteOldest(long bucketId, long from, long to, int chunk) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long rolledUpTo = lock(connection, bucketId);
            long bound = to;
            try (PreparedStatement edge = connection.prepareStatement("SELECT ts FROM bucket_record"
                    + " WHERE bucket_id = ? AND ts >= ? AND ts < ? ORDER BY " + OLDEST_FIRST + " LIMIT 1 OFFSET ?")) {
                edge.setLong(1, bucketId);
                edge.setLong(2, from);
                edge.setLong(3, to);
                edge.setInt(4, chunk - 1);
                try (ResultSet row = edge.executeQuery()) {
                    if (row.next()) {
                        bound = row.getLong(1) + 1; // this chunk ends with that record
                    }
                }
            }
            int deleted;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM bucket_record WHERE bucket_id = ? AND ts >= ? AND ts < ?")) {
                delete.setLong(1, bucketId);
                delete.setLong(2, from);
                delete.setLong(3, bound);
                deleted = delete.executeUpdate();
            }
            if (deleted > 0) {
                Rollups.forget(connection, bucketId, from, bound, rolledUpTo,
                        () -> fields(connection, bucketId).keySet());
            }
            try (PreparedStatement counters = connection.prepareStatement(
                    "UPDATE bucket SET records = records - ? WHERE id = ?")) {
                counters.setLong(1, deleted);
                counters.setLong(2, bucketId);
                counters.executeUpdate();
            }
            return deleted;
        }
    }

    /** Removes what is left of a deleted bucket once its records are gone: its fields, writers and row. */
    void dropDeleted(long bucketId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("bucket_rollup", "bucket_field", "bucket_writer")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE bucket_id = ?")) {
                    delete.setLong(1, bucketId);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM bucket WHERE id = ? AND deleted_at IS NOT NULL")) {
                delete.setLong(1, bucketId);
                delete.executeUpdate();
            }
        }
    }

    /** Adds failed samples to their buckets' counts, with the last reason and time, in the caller's transaction. */
    void noteFailedSamples(java.util.Collection<FailedSamples> failures) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE bucket SET samples_failed ="
                     + " samples_failed + ?, last_sample_error = ?, last_sample_error_at = ? WHERE id = ?")) {
            for (FailedSamples failed : failures) {
                update.setLong(1, failed.count());
                update.setString(2, failed.lastError());
                update.setTimestamp(3, Timestamp.from(failed.lastAt()));
                update.setLong(4, failed.bucketId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The fields a bucket's records have had, path → whether it was ever a number, by path. */
    Map<String, Boolean> fields(long bucketId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return fields(connection, bucketId);
        }
    }

    private static Map<String, Boolean> fields(Connection connection, long bucketId) throws SQLException {
        Map<String, Boolean> fields = new java.util.TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT path, is_number FROM bucket_field WHERE bucket_id = ?")) {
            query.setLong(1, bucketId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    fields.put(rows.getString(1), rows.getBoolean(2));
                }
            }
        }
        return fields;
    }

    /**
     * Rolls up the next chunk of a bucket that held records before it had roll-ups, oldest first: about
     * {@code chunk} records, whole minutes only, in the caller's transaction and under the bucket's lock.
     *
     * @return whether more is left to roll up
     */
    boolean rollUp(long bucketId, int chunk) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long from = lock(connection, bucketId);
            if (from == Long.MAX_VALUE) {
                return false;
            }
            long to = Long.MAX_VALUE;
            try (PreparedStatement edge = connection.prepareStatement("SELECT ts FROM bucket_record"
                    + " WHERE bucket_id = ? AND ts >= ? ORDER BY " + OLDEST_FIRST + " LIMIT 1 OFFSET ?")) {
                edge.setLong(1, bucketId);
                edge.setLong(2, from);
                edge.setInt(3, chunk);
                try (ResultSet row = edge.executeQuery()) {
                    if (row.next()) { // more than a chunk left: up to the minute of the record after the chunk
                        long minute = Rollups.minuteOf(row.getLong(1));
                        to = minute > from ? minute : minute + Rollups.MINUTE;
                    }
                }
            }
            Rollups.recompute(connection, bucketId, from, to, fields(connection, bucketId).keySet());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE bucket SET rolled_up_to = ? WHERE id = ?")) {
                update.setLong(1, to);
                update.setLong(2, bucketId);
                update.executeUpdate();
            }
            return to != Long.MAX_VALUE;
        }
    }

    /** The buckets (not deleted) whose older records have no roll-ups yet. */
    List<Long> notRolledUp() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT id FROM bucket"
                     + " WHERE rolled_up_to < ? AND deleted_at IS NULL")) {
            query.setLong(1, Long.MAX_VALUE);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Locks the bucket's row for the transaction; answers up to where its records are rolled up. */
    private static long lock(Connection connection, long bucketId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT rolled_up_to FROM bucket WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, bucketId);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() ? row.getLong(1) : Long.MAX_VALUE;
            }
        }
    }

    private static Set<Long> existing(Connection connection, RecordSql dialect, long bucketId,
                                      List<StoredRecord> records)
            throws SQLException {
        Set<Long> existing = new HashSet<>();
        for (int start = 0; start < records.size(); start += TIMESTAMPS_PER_QUERY) {
            List<StoredRecord> chunk = records.subList(start, Math.min(records.size(), start + TIMESTAMPS_PER_QUERY));
            try (PreparedStatement query = connection.prepareStatement(dialect.atTimestamps("ts", chunk.size()))) {
                dialect.bindAtTimestamps(query, bucketId, chunk.stream().map(StoredRecord::ts).toList());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        existing.add(rows.getLong(1));
                    }
                }
            }
        }
        return existing;
    }

    private static void insert(Connection connection, RecordSql dialect, long bucketId, List<StoredRecord> records)
            throws SQLException {
        String row = "(?, ?, ?, " + dialect.jsonParameter() + ")";
        for (int start = 0; start < records.size(); start += ROWS_PER_INSERT) {
            List<StoredRecord> chunk = records.subList(start, Math.min(records.size(), start + ROWS_PER_INSERT));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bucket_record"
                    + " (bucket_id, ts, device, record) VALUES " + (row + ", ").repeat(chunk.size() - 1) + row)) {
                int p = 1;
                for (StoredRecord record : chunk) {
                    insert.setLong(p++, bucketId);
                    insert.setLong(p++, record.ts());
                    insert.setString(p++, record.device());
                    insert.setString(p++, record.json());
                }
                insert.executeUpdate();
            }
        }
    }

    private static void replace(Connection connection, RecordSql dialect, long bucketId, List<StoredRecord> records)
            throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE bucket_record SET device = ?, record = "
                + dialect.jsonParameter() + " WHERE bucket_id = ? AND ts = ?")) {
            for (StoredRecord record : records) {
                update.setString(1, record.device());
                update.setString(2, record.json());
                update.setLong(3, bucketId);
                update.setLong(4, record.ts());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * Adds the fields the bucket did not have yet (up to {@link #MAX_FIELDS}), and marks new numbers as such.
     *
     * @return every field the bucket keeps track of now
     */
    private static Set<String> noteFields(Connection connection, long bucketId, Map<String, Boolean> fields)
            throws SQLException {
        Map<String, Boolean> known = fields(connection, bucketId);
        Map<String, Boolean> added = new HashMap<>();
        List<String> nowNumeric = new ArrayList<>();
        for (Map.Entry<String, Boolean> field : fields.entrySet()) {
            Boolean before = known.get(field.getKey());
            if (before == null && known.size() + added.size() < MAX_FIELDS) {
                added.put(field.getKey(), field.getValue());
            } else if (Boolean.FALSE.equals(before) && field.getValue()) {
                nowNumeric.add(field.getKey());
            }
        }
        if (!added.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bucket_field (bucket_id, path, is_number) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, Boolean> field : added.entrySet()) {
                    insert.setLong(1, bucketId);
                    insert.setString(2, field.getKey());
                    insert.setBoolean(3, field.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!nowNumeric.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE bucket_field SET is_number = TRUE WHERE bucket_id = ? AND path = ?")) {
                for (String path : nowNumeric) {
                    update.setLong(1, bucketId);
                    update.setString(2, path);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        Set<String> tracked = new HashSet<>(known.keySet());
        tracked.addAll(added.keySet());
        return tracked;
    }

    RecordSql dialect(Connection connection) throws SQLException {
        RecordSql known = sql;
        if (known == null) {
            known = RecordSql.of(connection.getMetaData().getDatabaseProductName());
            sql = known;
        }
        return known;
    }
}
