package io.devicehub.database;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The api_token table on H2 in DeviceHub's mode (MySQL/MariaDB: the integration tests of the "it-mysql" run). */
class ApiTokenMigrationTest {

    private final JdbcDataSource h2 = new JdbcDataSource();

    @BeforeEach
    void migrate() throws SQLException {
        h2.setURL("jdbc:h2:mem:tokens-" + System.nanoTime() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration")
                .placeholders(SchemaMigrations.placeholdersFor("H2")).load().migrate();
        try (Connection connection = h2.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO account (id, username, email, password_hash, created_at, version) "
                    + "VALUES (1, 'a', 'a@x', 'h', CURRENT_TIMESTAMP, 0)");
            sql.execute("INSERT INTO device (id, account_id, identifier, credential_hash, enabled, created_at, "
                    + "credential_changed_at, version) VALUES (10, 1, 'led', 'h', TRUE, CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP, 0)");
        }
    }

    @Test
    void aTokenHashIsUnique() throws SQLException {
        try (Connection connection = h2.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(token("h1", null));
            SQLException duplicate = assertThrows(SQLException.class, () -> sql.execute(token("h1", null)));
            assertTrue(duplicate.getMessage().toLowerCase().contains("uk_api_token_hash"), duplicate.getMessage());
        }
    }

    @Test
    void deletingADeviceDeletesTheTokensLimitedToItAndNoOthers() throws SQLException {
        try (Connection connection = h2.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(token("limited", 10L));
            sql.execute(token("unlimited", null));
            sql.execute("DELETE FROM device WHERE id = 10");
            try (ResultSet left = sql.executeQuery("SELECT token_hash FROM api_token")) {
                assertTrue(left.next());
                assertEquals("unlimited", left.getString(1));
                assertTrue(!left.next());
            }
        }
    }

    @Test
    void aTokenBelongsToAnExistingAccount() throws SQLException {
        try (Connection connection = h2.getConnection(); Statement sql = connection.createStatement()) {
            assertThrows(SQLException.class, () -> sql.execute(token("orphan", null).replace("(1,", "(99,")));
        }
    }

    private static String token(String hash, Long deviceId) {
        return "INSERT INTO api_token (account_id, kind, name, token_hash, token_hint, scopes, device_id, created_at)"
                + " VALUES (1, 'API', 'n', '" + hash + "', 'dh_pat_x…', 'devices:read', " + deviceId
                + ", CURRENT_TIMESTAMP)";
    }
}
