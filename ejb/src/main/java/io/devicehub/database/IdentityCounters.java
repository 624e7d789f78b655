package io.devicehub.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts H2's identity counters back above the rows they numbered. Seen in the reconnect-storm benchmark: after a
 * restart under load the embedded H2 handed out ids that committed rows already had, and inserts failed with a
 * primary-key violation until the counter passed them. Most of that was H2 2.2.224's own race (issue #3950,
 * concurrent inserts in MODE=LEGACY; DeviceHub now ships 2.3.232), and a counter written later than its rows (now
 * {@code WRITE_DELAY=0}); what remains possible is a file left behind by an unclean stop of an older server. A counter
 * behind {@code MAX(id)} can only cause such failures, so at start-up, before anything is inserted, each one that
 * lags is restarted at {@code MAX(id) + 1}; counters ahead of their rows are left alone (no id is ever handed out
 * twice). MySQL/MariaDB derive AUTO_INCREMENT from the rows themselves and need none of this.
 */
final class IdentityCounters {

    /** One identity column whose counter was behind its rows. */
    record Realigned(String table, String column, long was, long now) {
    }

    private IdentityCounters() {
    }

    /** @return the counters that were moved (none on a healthy database) */
    static List<Realigned> realign(Connection connection) throws SQLException {
        List<Realigned> moved = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet identity = sql.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, IDENTITY_BASE"
                     + " FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES'"
                     + " AND TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
            while (identity.next()) {
                columns.add(new String[]{identity.getString(1), identity.getString(2), identity.getString(3),
                        Long.toString(identity.getLong(4))});
            }
        }
        for (String[] column : columns) {
            String table = quote(column[0]) + "." + quote(column[1]);
            String id = quote(column[2]);
            long base = Long.parseLong(column[3]);
            long next;
            try (Statement sql = connection.createStatement();
                 ResultSet max = sql.executeQuery("SELECT COALESCE(MAX(" + id + "), 0) + 1 FROM " + table)) {
                max.next();
                next = max.getLong(1);
            }
            if (base < next) {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("ALTER TABLE " + table + " ALTER COLUMN " + id + " RESTART WITH " + next);
                }
                moved.add(new Realigned(column[1], column[2], base, next));
            }
        }
        return moved;
    }

    /** Names come from the database's own catalogue; quoting keeps their case and any odd character. */
    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
