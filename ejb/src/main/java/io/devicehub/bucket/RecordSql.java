package io.devicehub.bucket;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The few places where H2 and MySQL/MariaDB need different SQL for records: how a JSON parameter is written (H2
 * takes a string as a JSON <em>string</em> unless told it is JSON text), how one numeric field is read out of a
 * record for aggregation, how records are looked up at given timestamps, and how roll-ups are added to (MERGE in H2,
 * INSERT … ON DUPLICATE KEY UPDATE in MySQL). Everything else is the same portable SQL.
 */
enum RecordSql {

    H2 {
        @Override
        String jsonParameter() {
            return "? FORMAT JSON";
        }

        @Override
        String fieldAsJsonText(String path) {
            StringBuilder expression = new StringBuilder("record");
            for (String part : path.split("\\.")) {
                expression.insert(0, "(").append(").\"").append(part.replace("\"", "\"\"")).append('"');
            }
            return "CAST(" + expression + " AS VARCHAR)";
        }

        @Override
        String atTimestamps(String columns, int count) {
            return "SELECT " + columns + " FROM UNNEST(CAST(? AS BIGINT ARRAY)) AS wanted(t)"
                    + " JOIN bucket_record ON bucket_id = ? AND ts = wanted.t";
        }

        @Override
        void bindAtTimestamps(PreparedStatement query, long bucketId, List<Long> timestamps) throws SQLException {
            query.setObject(1, timestamps.toArray(new Long[0]));
            query.setLong(2, bucketId);
        }
        @Override
        String addRollups(int rows) {
            String row = "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(255)), CAST(? AS BIGINT),"
                    + " CAST(? AS DOUBLE), CAST(? AS DOUBLE), CAST(? AS DOUBLE), CAST(? AS BIGINT), CAST(? AS BIGINT))";
            return "MERGE INTO bucket_rollup r USING (VALUES " + (row + ", ").repeat(rows - 1) + row + ")"
                    + " AS v(bucket_id, minute_ts, path, value_count, sum_value, min_value, max_value, first_ts, last_ts)"
                    + " ON r.bucket_id = v.bucket_id AND r.minute_ts = v.minute_ts AND r.path = v.path"
                    + " WHEN MATCHED THEN UPDATE SET value_count = r.value_count + v.value_count,"
                    + " sum_value = r.sum_value + v.sum_value, min_value = LEAST(r.min_value, v.min_value),"
                    + " max_value = GREATEST(r.max_value, v.max_value), first_ts = LEAST(r.first_ts, v.first_ts),"
                    + " last_ts = GREATEST(r.last_ts, v.last_ts)"
                    + " WHEN NOT MATCHED THEN INSERT (bucket_id, minute_ts, path, value_count, sum_value, min_value,"
                    + " max_value, first_ts, last_ts) VALUES (v.bucket_id, v.minute_ts, v.path, v.value_count,"
                    + " v.sum_value, v.min_value, v.max_value, v.first_ts, v.last_ts)";
        }
    },

    MYSQL {
        @Override
        String jsonParameter() {
            return "?";
        }

        @Override
        String fieldAsJsonText(String path) {
            StringBuilder jsonPath = new StringBuilder("$");
            for (String part : path.split("\\.")) {
                jsonPath.append(".\"").append(part.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            return "JSON_EXTRACT(record, '" + jsonPath.toString().replace("'", "''") + "')";
        }

        @Override
        String atTimestamps(String columns, int count) {
            return "SELECT " + columns + " FROM bucket_record WHERE bucket_id = ? AND ts IN ("
                    + "?,".repeat(count - 1) + "?)";
        }

        @Override
        void bindAtTimestamps(PreparedStatement query, long bucketId, List<Long> timestamps) throws SQLException {
            query.setLong(1, bucketId);
            for (int i = 0; i < timestamps.size(); i++) {
                query.setLong(i + 2, timestamps.get(i));
            }
        }
        @Override
        String addRollups(int rows) {
            String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
            return "INSERT INTO bucket_rollup (bucket_id, minute_ts, path, value_count, sum_value, min_value,"
                    + " max_value, first_ts, last_ts) VALUES " + (row + ", ").repeat(rows - 1) + row
                    + " ON DUPLICATE KEY UPDATE value_count = value_count + VALUES(value_count),"
                    + " sum_value = sum_value + VALUES(sum_value), min_value = LEAST(min_value, VALUES(min_value)),"
                    + " max_value = GREATEST(max_value, VALUES(max_value)), first_ts = LEAST(first_ts,"
                    + " VALUES(first_ts)), last_ts = GREATEST(last_ts, VALUES(last_ts))";
        }
    };

    /** The placeholder of a record's JSON text in an INSERT or UPDATE. */
    abstract String jsonParameter();

    /**
     * The JSON text of one field of {@code record} ({@code a.b} for nested members; names as {@link RecordFields}
     * checked them), or SQL NULL where the record has no such field: a number's text starts with a digit or '-'.
     */
    abstract String fieldAsJsonText(String path);

    /**
     * A query of {@code columns} ({@code ts}, {@code record}…) of one bucket's records at {@code count} given
     * timestamps, bound by {@link #bindAtTimestamps}. MySQL looks an {@code IN} list up point by point in the primary
     * key; H2 uses an index for {@code IN} only on the index's first column ({@code bucket_id}), so it would read
     * the whole bucket for every query — there, the timestamps are joined as an array instead.
     */
    abstract String atTimestamps(String columns, int count);

    abstract void bindAtTimestamps(PreparedStatement query, long bucketId, List<Long> timestamps)
            throws SQLException;

    /**
     * A statement that adds {@code rows} rows of roll-ups ({@link Rollups}, nine parameters a row in the table's
     * column order) to {@code bucket_rollup}: added to the row of the same minute and field, or inserted.
     */
    abstract String addRollups(int rows);

    static RecordSql of(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb") ? MYSQL : H2;
    }
}
