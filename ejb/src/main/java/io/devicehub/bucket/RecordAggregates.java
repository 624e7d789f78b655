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

/**
 * Aggregates a bucket's records in the database, never in Java: one query groups the records of a time range by
 * their slot ({@link Slots}) and applies the function to each numeric field, read out of the records' JSON by the
 * database ({@link RecordSql#fieldAsJsonText}); a value that is not a number does not count. {@code first} and
 * {@code last} take the value of the slot's earliest and latest record that has one, found by a second query.
 */
@ApplicationScoped
public class RecordAggregates {

    private static final int TIMESTAMPS_PER_QUERY = 500;

    @Resource(lookup = SchemaMigrations.DATA_SOURCE)
    DataSource dataSource;

    /** One slot that holds records: its range, how many records it holds, and each field's value. */
    public record Slot(long from, long to, long records, Map<String, Double> values) {
    }

    List<Slot> aggregate(long bucketId, long from, long to, Slots slots, AggregateFunction function,
                         List<String> fields) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            RecordSql dialect = RecordSql.of(connection.getMetaData().getDatabaseProductName());
            StringBuilder inner = new StringBuilder("SELECT ts, ").append(slots.expression()).append(" AS slot");
            for (int f = 0; f < fields.size(); f++) {
                inner.append(", ").append(number(dialect.fieldAsJsonText(fields.get(f)))).append(" AS n").append(f);
            }
            inner.append(" FROM bucket_record WHERE bucket_id = ? AND ts >= ? AND ts < ?");
            StringBuilder outer = new StringBuilder("SELECT slot, COUNT(*)");
            for (int f = 0; f < fields.size(); f++) {
                outer.append(", ").append(function.sql("n" + f));
            }
            outer.append(" FROM (").append(inner).append(") r GROUP BY slot ORDER BY slot");
            Map<Integer, Slot> bySlot = new LinkedHashMap<>();
            Map<Long, List<String[]>> wanted = new HashMap<>(); // ts → (slot, field) whose first/last value it holds
            try (PreparedStatement query = connection.prepareStatement(outer.toString())) {
                int p = 1;
                for (Long parameter : slots.parameters()) {
                    query.setLong(p++, parameter);
                }
                query.setLong(p++, bucketId);
                query.setLong(p++, from);
                query.setLong(p, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        int slot = rows.getInt(1);
                        Map<String, Double> values = new LinkedHashMap<>();
                        for (int f = 0; f < fields.size(); f++) {
                            double value = rows.getDouble(3 + f);
                            if (!rows.wasNull()) {
                                if (function.picksARecord()) {
                                    wanted.computeIfAbsent((long) value, k -> new ArrayList<>())
                                            .add(new String[]{Integer.toString(slot), fields.get(f)});
                                } else {
                                    values.put(fields.get(f), value);
                                }
                            }
                        }
                        bySlot.put(slot, new Slot(slots.start(slot), slots.end(slot), rows.getLong(2), values));
                    }
                }
            }
            if (function.picksARecord() && !wanted.isEmpty()) {
                fillPicked(connection, dialect, bucketId, wanted, bySlot);
            }
            return new ArrayList<>(bySlot.values());
        }
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
