package io.devicehub.bucket;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The few places where H2 and MySQL/MariaDB need different SQL for records: how a JSON parameter is written (H2
 * takes a string as a JSON <em>string</em> unless told it is JSON text), and how one numeric field is read out of a
 * record for aggregation, and how records are looked up at given timestamps. Everything else is the same portable SQL.
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

    static RecordSql of(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb") ? MYSQL : H2;
    }
}
