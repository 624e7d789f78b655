package io.devicehub.bucket;

import io.devicehub.database.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates a bucket's records in the database, never in Java. The whole minutes of the range come from the
 * bucket's roll-ups ({@link Rollups}: a row per minute and field), grouped by slot ({@link Slots}) and added up by
 * the database — 43,200 rows a field for 30 days, however many records those days hold; the parts of a minute at
 * the range's edges, and buckets whose older records are not rolled up yet (or a time zone whose slots do not start
 * at full minutes), come from the records themselves: one query groups them by slot and reads each numeric field
 * out of their JSON ({@link RecordSql#fieldAsJsonText}). A value that is not a number does not count. Both give the
 * same figures per slot and field (count, sum, minimum, maximum, first and last timestamp), which are put together
 * and turned into the function's value; {@code first} and {@code last} take the value of the record at that
 * timestamp, found by a second query.
 */
@ApplicationScoped
public class RecordAggregates {

    private static final int TIMESTAMPS_PER_QUERY = 500;

    @Resource(lookup = SchemaMigrations.DATA_SOURCE)
    DataSource dataSource;

    /** One slot that holds records: its range, how many records it holds, and each field's value. */
    public record Slot(long from, long to, long records, Map<String, Double> values) {
    }

    /** What the parts of a range found in one slot: its records, and each field's figures. */
    private static final class Found {
        long records;
        final Map<String, Rollups.Figures> fields = new HashMap<>();

        void add(String field, Rollups.Figures figures) {
            Rollups.Figures known = fields.get(field);
            if (known == null) {
                fields.put(field, figures);
            } else {
                known.add(figures);
            }
        }
    }

    List<Slot> aggregate(long bucketId, long from, long to, Slots slots, AggregateFunction function,
                         List<String> fields) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            RecordSql dialect = RecordSql.of(connection.getMetaData().getDatabaseProductName());
            Map<Integer, Found> found = new TreeMap<>();
            long wholeFrom = Rollups.minuteAtOrAfter(from);
            long wholeTo = Rollups.minuteOf(to);
            if (wholeFrom < wholeTo && slots.startAtFullMinutes() && rolledUp(connection, bucketId)) {
                if (from < wholeFrom) {
                    fromRecords(connection, dialect, bucketId, from, wholeFrom, slots, fields, found);
                }
                fromRollups(connection, bucketId, wholeFrom, wholeTo, slots, fields, found);
                if (wholeTo < to) {
                    fromRecords(connection, dialect, bucketId, wholeTo, to, slots, fields, found);
                }
            } else {
                fromRecords(connection, dialect, bucketId, from, to, slots, fields, found);
            }
            Map<Integer, Slot> bySlot = new LinkedHashMap<>();
            Map<Long, List<String[]>> wanted = new HashMap<>(); // ts → (slot, field) whose first/last value it holds
            for (Map.Entry<Integer, Found> entry : found.entrySet()) {
                int slot = entry.getKey();
                Found in = entry.getValue();
                if (in.records == 0) {
                    continue;
                }
                Map<String, Double> values = new LinkedHashMap<>();
                for (String field : fields) {
                    Rollups.Figures figures = in.fields.get(field);
                    if (function == AggregateFunction.COUNT) {
                        values.put(field, figures == null ? 0.0 : figures.count);
                    } else if (figures != null && figures.count > 0) {
                        switch (function) {
                            case MIN -> values.put(field, figures.min);
                            case MAX -> values.put(field, figures.max);
                            case SUM -> values.put(field, figures.sum);
                            case MEAN -> values.put(field, figures.sum / figures.count);
                            default -> wanted.computeIfAbsent(function == AggregateFunction.FIRST ? figures.firstTs
                                    : figures.lastTs, k -> new ArrayList<>())
                                    .add(new String[]{Integer.toString(slot), field});
                        }
                    }
                }
                bySlot.put(slot, new Slot(slots.start(slot), slots.end(slot), in.records, values));
            }
            if (function.picksARecord() && !wanted.isEmpty()) {
                fillPicked(connection, dialect, bucketId, wanted, bySlot);
            }
            return new ArrayList<>(bySlot.values());
        }
    }

    private static boolean rolledUp(Connection connection, long bucketId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT rolled_up_to FROM bucket WHERE id = ?")) {
            query.setLong(1, bucketId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getLong(1) == Long.MAX_VALUE;
            }
        }
    }

    /** The figures of the records of {@code [from, to)}, by slot, read out of their JSON. */
    private static void fromRecords(Connection connection, RecordSql dialect, long bucketId, long from, long to,
                                    Slots slots, List<String> fields, Map<Integer, Found> found) throws SQLException {
        StringBuilder inner = new StringBuilder("SELECT ts, ").append(slots.expression("ts")).append(" AS slot");
        for (int f = 0; f < fields.size(); f++) {
            inner.append(", ").append(number(dialect.fieldAsJsonText(fields.get(f)))).append(" AS n").append(f);
        }
        inner.append(" FROM bucket_record WHERE bucket_id = ? AND ts >= ? AND ts < ?");
        StringBuilder outer = new StringBuilder("SELECT slot, COUNT(*)");
        for (int f = 0; f < fields.size(); f++) {
            String n = "n" + f;
            outer.append(", COUNT(").append(n).append("), SUM(").append(n).append("), MIN(").append(n)
                    .append("), MAX(").append(n).append("), MIN(CASE WHEN ").append(n).append(" IS NOT NULL THEN ts"
                    + " END), MAX(CASE WHEN ").append(n).append(" IS NOT NULL THEN ts END)");
        }
        outer.append(" FROM (").append(inner).append(") r GROUP BY slot");
        try (PreparedStatement query = connection.prepareStatement(outer.toString())) {
            int p = bindSlots(query, slots);
            query.setLong(p++, bucketId);
            query.setLong(p++, from);
            query.setLong(p, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Found in = found.computeIfAbsent(rows.getInt(1), k -> new Found());
                    in.records += rows.getLong(2);
                    for (int f = 0; f < fields.size(); f++) {
                        int column = 3 + 6 * f;
                        if (rows.getLong(column) > 0) {
                            in.add(fields.get(f), figures(rows, column));
                        }
                    }
                }
            }
        }
    }

    /** The figures of the whole minutes of {@code [from, to)}, by slot, added up from their roll-ups. */
    private static void fromRollups(Connection connection, long bucketId, long from, long to, Slots slots,
                                    List<String> fields, Map<Integer, Found> found) throws SQLException {
        String sql = "SELECT slot, path, SUM(value_count), SUM(sum_value), MIN(min_value), MAX(max_value),"
                + " MIN(first_ts), MAX(last_ts) FROM (SELECT " + slots.expression("minute_ts") + " AS slot, path,"
                + " value_count, sum_value, min_value, max_value, first_ts, last_ts FROM bucket_rollup"
                + " WHERE bucket_id = ? AND minute_ts >= ? AND minute_ts < ? AND path IN (?"
                + ", ?".repeat(fields.size()) + ")) r GROUP BY slot, path";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int p = bindSlots(query, slots);
            query.setLong(p++, bucketId);
            query.setLong(p++, from);
            query.setLong(p++, to);
            query.setString(p++, Rollups.RECORDS);
            for (String field : fields) {
                query.setString(p++, field);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Found in = found.computeIfAbsent(rows.getInt(1), k -> new Found());
                    String path = rows.getString(2);
                    if (Rollups.RECORDS.equals(path)) {
                        in.records += rows.getLong(3);
                    } else {
                        in.add(path, figures(rows, 3));
                    }
                }
            }
        }
    }

    /** Count, sum, minimum, maximum, first and last timestamp, in six columns from {@code column} on. */
    private static Rollups.Figures figures(ResultSet rows, int column) throws SQLException {
        Rollups.Figures figures = new Rollups.Figures();
        figures.count = rows.getLong(column);
        figures.sum = rows.getDouble(column + 1);
        figures.min = rows.getDouble(column + 2);
        figures.max = rows.getDouble(column + 3);
        figures.firstTs = rows.getLong(column + 4);
        figures.lastTs = rows.getLong(column + 5);
        return figures;
    }

    private static int bindSlots(PreparedStatement query, Slots slots) throws SQLException {
        int p = 1;
        for (Long parameter : slots.parameters()) {
            query.setLong(p++, parameter);
        }
        return p;
    }

    /** The values at the timestamps {@code first} or {@code last} picked. */
    private static void fillPicked(Connection connection, RecordSql dialect, long bucketId,
                                   Map<Long, List<String[]>> wanted, Map<Integer, Slot> bySlot) throws SQLException {
        List<Long> timestamps = new ArrayList<>(wanted.keySet());
        List<String> fields = wanted.values().stream().flatMap(List::stream).map(pick -> pick[1]).distinct().toList();
        for (int start = 0; start < timestamps.size(); start += TIMESTAMPS_PER_QUERY) {
            List<Long> chunk = timestamps.subList(start, Math.min(timestamps.size(), start + TIMESTAMPS_PER_QUERY));
            StringBuilder columns = new StringBuilder("ts");
            for (String field : fields) {
                columns.append(", ").append(number(dialect.fieldAsJsonText(field)));
            }
            try (PreparedStatement query = connection.prepareStatement(
                    dialect.atTimestamps(columns.toString(), chunk.size()))) {
                dialect.bindAtTimestamps(query, bucketId, chunk);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        for (String[] pick : wanted.get(rows.getLong(1))) {
                            double value = rows.getDouble(2 + fields.indexOf(pick[1]));
                            if (!rows.wasNull()) {
                                bySlot.get(Integer.parseInt(pick[0])).values().put(pick[1], value);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The number a field's JSON text holds, or SQL NULL when it holds no number (a string, an object, nothing). */
    private static String number(String jsonText) {
        return "CASE WHEN SUBSTRING(" + jsonText + ", 1, 1) IN ('-', '0', '1', '2', '3', '4', '5', '6', '7', '8', "
                + "'9') THEN CAST(" + jsonText + " AS DOUBLE) END";
    }
}
