package io.devicehub.bucket;

import java.util.Locale;

/**
 * The few places where H2 and MySQL/MariaDB need different SQL for records: how a JSON parameter is written (H2
 * takes a string as a JSON <em>string</em> unless told it is JSON text), and how one numeric field is read out of a
 * record for aggregation. Everything else is the same portable SQL.
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
    };

    /** The placeholder of a record's JSON text in an INSERT or UPDATE. */
    abstract String jsonParameter();

    /**
     * The JSON text of one field of {@code record} ({@code a.b} for nested members; names as {@link RecordFields}
     * checked them), or SQL NULL where the record has no such field: a number's text starts with a digit or '-'.
     */
    abstract String fieldAsJsonText(String path);

    static RecordSql of(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb") ? MYSQL : H2;
    }
}
