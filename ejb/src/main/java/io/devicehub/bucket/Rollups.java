package io.devicehub.bucket;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roll-ups of {@code bucket_rollup} (see its migration): per UTC minute and field, the count, sum, minimum,
 * maximum and first and last timestamp of the field's numbers; under the path {@value #RECORDS}, the minute's
 * records. Collected in Java from the records a write stores (or from those read back for a minute that changed),
 * then added to the table in the write's transaction, under the bucket's lock ({@link BucketRecords}).
 */
final class Rollups {

    /** The path of a minute's count of records: no field has an empty name. */
    static final String RECORDS = "";
    static final long MINUTE = 60_000;
    private static final int ROWS_PER_STATEMENT = 100;
    private static final JsonProvider JSON = JsonProvider.provider();

    /** One minute's figures of one field. */
    static final class Figures {
        long count;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long firstTs = Long.MAX_VALUE;
        long lastTs = Long.MIN_VALUE;

        void add(long ts, double value) {
            count++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
            firstTs = Math.min(firstTs, ts);
            lastTs = Math.max(lastTs, ts);
        }

        void add(Figures other) {
            count += other.count;
            sum += other.sum;
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
            firstTs = Math.min(firstTs, other.firstTs);
            lastTs = Math.max(lastTs, other.lastTs);
        }
    }

    private record Key(long minute, String path) {
    }

    private final Map<Key, Figures> figures = new LinkedHashMap<>();

    /** Adds a record: its count, and each number of a field the bucket keeps track of. */
    void add(long ts, Map<String, Double> numbers, Set<String> tracked) {
        long minute = minuteOf(ts);
        figures.computeIfAbsent(new Key(minute, RECORDS), k -> new Figures()).add(ts, 0);
        numbers.forEach((path, value) -> {
            if (tracked.contains(path)) {
                figures.computeIfAbsent(new Key(minute, path), k -> new Figures()).add(ts, value);
            }
        });
    }

    /** Leaves out the given minutes (those that are computed again from their records). */
    void drop(Collection<Long> minutes) {
        figures.keySet().removeIf(key -> minutes.contains(key.minute()));
    }

    boolean isEmpty() {
        return figures.isEmpty();
    }

    /** The start of the UTC minute that holds {@code ts}. */
    static long minuteOf(long ts) {
        return ts - Math.floorMod(ts, MINUTE);
    }

    /** The start of the first minute at or after {@code ts}. */
    static long minuteAtOrAfter(long ts) {
        long minute = minuteOf(ts);
        return minute == ts || minute > Long.MAX_VALUE - MINUTE ? minute : minute + MINUTE;
    }

    /**
     * Adds these figures to the table: a row that exists is added to (counts and sums added, the extremes and the
     * first and last timestamps widened), a missing one inserted.
     */
    void addTo(Connection connection, RecordSql dialect, long bucketId) throws SQLException {
        List<Map.Entry<Key, Figures>> rows = new ArrayList<>(figures.entrySet());
        for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
            List<Map.Entry<Key, Figures>> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_STATEMENT));
            try (PreparedStatement upsert = connection.prepareStatement(dialect.addRollups(chunk.size()))) {
                bind(upsert, bucketId, chunk);
                upsert.executeUpdate();
            }
        }
    }

    /** Inserts these figures, where the table has none of their rows. */
    void insertInto(Connection connection, long bucketId) throws SQLException {
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Map.Entry<Key, Figures>> rows = new ArrayList<>(figures.entrySet());
        for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
            List<Map.Entry<Key, Figures>> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_STATEMENT));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bucket_rollup (bucket_id,"
                    + " minute_ts, path, value_count, sum_value, min_value, max_value, first_ts, last_ts) VALUES "
                    + (row + ", ").repeat(chunk.size() - 1) + row)) {
                bind(insert, bucketId, chunk);
                insert.executeUpdate();
            }
        }
    }

    private static void bind(PreparedStatement statement, long bucketId, List<Map.Entry<Key, Figures>> rows)
            throws SQLException {
        int p = 1;
        for (Map.Entry<Key, Figures> row : rows) {
            Figures f = row.getValue();
            statement.setLong(p++, bucketId);
            statement.setLong(p++, row.getKey().minute());
            statement.setString(p++, row.getKey().path());
            statement.setLong(p++, f.count);
            statement.setDouble(p++, f.sum);
            statement.setDouble(p++, f.min);
            statement.setDouble(p++, f.max);
            statement.setLong(p++, f.firstTs);
            statement.setLong(p++, f.lastTs);
        }
    }

    /**
     * Computes the roll-ups of {@code [from, to)} (whole minutes) again from the records there, in the caller's
     * transaction: after records of those minutes were replaced or deleted.
     */
    static void recompute(Connection connection, long bucketId, long from, long to, Set<String> tracked)
            throws SQLException {
        delete(connection, bucketId, from, to);
        Rollups rollups = new Rollups();
        try (PreparedStatement query = connection.prepareStatement("SELECT ts, record FROM bucket_record"
                + " WHERE bucket_id = ? AND ts >= ? AND ts < ?")) {
            query.setLong(1, bucketId);
            query.setLong(2, from);
            query.setLong(3, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    rollups.add(rows.getLong(1), RecordFields.numbersOf(parse(rows.getString(2))), tracked);
                }
            }
        }
        rollups.insertInto(connection, bucketId);
    }

    /** What a roll-up needs to know of the bucket: the fields it keeps track of, read when needed. */
    interface TrackedFields {
        Set<String> get() throws SQLException;
    }

    /**
     * After the records of {@code [from, to)} were deleted: deletes the roll-ups of its whole minutes, and computes
     * those of the minutes at its edges again from the records left there (those before {@code rolledUpTo}).
     */
    static void forget(Connection connection, long bucketId, long from, long to, long rolledUpTo,
                       TrackedFields tracked) throws SQLException {
        long firstWhole = minuteAtOrAfter(from);
        long endOfWhole = minuteOf(to);
        if (firstWhole < endOfWhole) {
            delete(connection, bucketId, firstWhole, endOfWhole);
        }
        Set<Long> edges = new java.util.TreeSet<>();
        if (firstWhole != from) {
            edges.add(minuteOf(from));
        }
        if (endOfWhole != to && to != Long.MAX_VALUE) {
            edges.add(endOfWhole);
        }
        Set<String> fields = null;
        for (long minute : edges) {
            if (minute < rolledUpTo) {
                fields = fields != null ? fields : tracked.get();
                recompute(connection, bucketId, minute, minute + MINUTE, fields);
            }
        }
    }

    private static void delete(Connection connection, long bucketId, long from, long to) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM bucket_rollup WHERE bucket_id = ? AND minute_ts >= ? AND minute_ts < ?")) {
            delete.setLong(1, bucketId);
            delete.setLong(2, from);
            delete.setLong(3, to);
            delete.executeUpdate();
        }
    }

    /** A stored record's JSON object (the server stores objects only). */
    static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
