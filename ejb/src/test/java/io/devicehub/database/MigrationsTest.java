package io.devicehub.database;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrations of src-db on a real H2 in the mode DeviceHub runs it in (MySQL/MariaDB is covered by the
 * integration tests of the "it-mysql" run).
 */
class MigrationsTest {

    private final JdbcDataSource h2 = new JdbcDataSource();

    MigrationsTest() {
        h2.setURL("jdbc:h2:mem:migrations-" + System.nanoTime() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(h2).locations("classpath:db/migration")
                .placeholders(SchemaMigrations.placeholdersFor("H2")).load();
    }

    @Test
    void theMigrationsApplyOnceAndAreSkippedAfterwards() {
        assertTrue(flyway().migrate().migrationsExecuted >= 1);
        assertEquals(0, flyway().migrate().migrationsExecuted);
        assertEquals(0, flyway().validateWithResult().invalidMigrations.size());
    }

    @Test
    void theSchemaEnforcesUniqueIdentifiersPerAccount() throws SQLException {
        flyway().migrate();
        try (Connection connection = h2.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO account (username, email, password_hash, created_at, version) "
                    + "VALUES ('a', 'a@x', 'h', CURRENT_TIMESTAMP, 0), ('b', 'b@x', 'h', CURRENT_TIMESTAMP, 0)");
            String device = "INSERT INTO device (account_id, identifier, credential_hash, enabled, created_at, "
                    + "credential_changed_at, version) VALUES (%d, '%s', 'h', TRUE, CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP, 0)";
            sql.execute(device.formatted(1, "led"));
            sql.execute(device.formatted(1, "Led"));
            sql.execute(device.formatted(2, "led"));

            SQLException duplicate = assertThrows(SQLException.class, () -> sql.execute(device.formatted(1, "led")));
            assertTrue(duplicate.getMessage().toLowerCase().contains("uk_device_account_identifier"),
                    duplicate.getMessage());
            assertThrows(SQLException.class, () -> sql.execute(device.formatted(99, "orphan")));
        }
    }

    @Test
    void identityCountersThatFellBehindTheirRowsAreRestartedAboveThem() throws SQLException {
        flyway().migrate();
        try (Connection connection = h2.getConnection(); Statement sql = connection.createStatement()) {
            String account = "INSERT INTO account (username, email, password_hash, created_at, version) "
                    + "VALUES ('%s', '%s@x', 'h', CURRENT_TIMESTAMP, 0)";
            sql.execute(account.formatted("a", "a"));
            sql.execute(account.formatted("b", "b"));
            sql.execute(account.formatted("c", "c"));
            assertTrue(IdentityCounters.realign(connection).isEmpty(), "a healthy counter is left alone");

            // What an unclean shutdown left behind: the counter hands out ids that rows already have.
            sql.execute("ALTER TABLE account ALTER COLUMN id RESTART WITH 2");
            assertThrows(SQLException.class, () -> sql.execute(account.formatted("d", "d")));

            var moved = IdentityCounters.realign(connection);
            assertEquals(1, moved.size(), moved.toString());
            assertEquals("ACCOUNT", moved.get(0).table());
            assertEquals(4, moved.get(0).now());
            sql.execute(account.formatted("d", "d"));
            try (var max = sql.executeQuery("SELECT MAX(id) FROM account")) {
                max.next();
                assertEquals(4, max.getLong(1));
            }
            assertTrue(IdentityCounters.realign(connection).isEmpty());
        }
    }

    @Test
    void mysqlGetsInnoDbUtf8AndCaseSensitiveIdentifiers() {
        assertEquals("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
                SchemaMigrations.placeholdersFor("MariaDB").get("table_options"));
        assertEquals("CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
                SchemaMigrations.placeholdersFor("MySQL").get("case_sensitive"));
        assertEquals("", SchemaMigrations.placeholdersFor("H2").get("case_sensitive"));
    }
}
