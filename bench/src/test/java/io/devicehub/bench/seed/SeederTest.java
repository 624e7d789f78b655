package io.devicehub.bench.seed;

import io.devicehub.credential.ServerKey;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seeder on the product's real schema: src-db's migrations on H2 in the mode DeviceHub runs it in. */
class SeederTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[]{
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32});
    private static final String CREDENTIAL = "the-shared-credential";

    private final JdbcDataSource h2 = new JdbcDataSource();

    @BeforeEach
    void migrate() {
        h2.setURL("jdbc:h2:mem:seed-" + System.nanoTime() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
    }

    private void applyMigrations() {
        Flyway.configure().dataSource(h2).locations("classpath:db/migration")
                .placeholders(Map.of("table_options", "", "case_sensitive", "")).load().migrate();
    }

    private Seeder.Plan plan(String username, int devices) {
        CredentialMac macs = new CredentialMac(KEY);
        SecureRandom random = new SecureRandom();
        return new Seeder.Plan(username, PasswordHash.of("password-of-" + username, 1_000, random), devices,
                PasswordHash.of(CREDENTIAL, 1_000, random), id -> macs.of(id, CREDENTIAL));
    }

    @Test
    void anAccountAndItsDevicesAreWrittenEachWithItsOwnHmacForTheQuickPath() throws Exception {
        applyMigrations();
        try (Connection db = h2.getConnection()) {
            Seeder.Report report = Seeder.seed(db, plan("bench", 1_500));

            assertEquals(1_500, report.devices());
            ServerKey server = ProductServerKey.of(KEY);
            try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(
                    "SELECT d.id, d.identifier, d.credential_mac, d.enabled, a.username FROM device d "
                            + "JOIN account a ON a.id = d.account_id ORDER BY d.created_at")) {
                int index = 0;
                while (rows.next()) {
                    assertEquals(String.format("d%06d", index++), rows.getString(2), "oldest first, named by index");
                    assertEquals(ServerKey.Match.SAME, server.compare(rows.getString(3),
                            "device-credential:" + rows.getLong(1), CREDENTIAL));
                    assertTrue(rows.getBoolean(4));
                    assertEquals("bench", rows.getString(5));
                }
                assertEquals(1_500, index);
            }
        }
    }

    @Test
    void seedingAgainReplacesTheAccountWithItsTokensAndHistoryAndLeavesOthersAlone() throws Exception {
        applyMigrations();
        try (Connection db = h2.getConnection(); Statement sql = db.createStatement()) {
            Seeder.seed(db, plan("bench", 10));
            Seeder.seed(db, plan("listing", 5));
            long device = scalar(sql, "SELECT MIN(id) FROM device");
            sql.execute("INSERT INTO device_connection (device_id, event, occurred_at) VALUES (" + device
                    + ", 'CONNECTED', CURRENT_TIMESTAMP)");
            sql.execute("INSERT INTO api_token (account_id, kind, name, token_hash, token_hint, scopes, created_at) "
                    + "SELECT id, 'ACCESS', 'access token', REPEAT('a', 64), 'dh_at_', 'devices:read', CURRENT_TIMESTAMP"
                    + " FROM account WHERE username = 'bench'");

            Seeder.seed(db, plan("bench", 3));

            assertEquals(1, scalar(sql, "SELECT COUNT(*) FROM account WHERE username = 'bench'"));
            assertEquals(3, scalar(sql, "SELECT COUNT(*) FROM device d JOIN account a ON a.id = d.account_id "
                    + "WHERE a.username = 'bench'"));
            assertEquals(5, scalar(sql, "SELECT COUNT(*) FROM device d JOIN account a ON a.id = d.account_id "
                    + "WHERE a.username = 'listing'"));
            assertEquals(0, scalar(sql, "SELECT COUNT(*) FROM api_token"));
            assertEquals(0, scalar(sql, "SELECT COUNT(*) FROM device_connection"));
        }
    }

    @Test
    void aDatabaseWithoutTheSchemaIsRefusedWithAnExplanation() throws Exception {
        try (Connection db = h2.getConnection()) {
            SQLException refused = assertThrows(SQLException.class, () -> Seeder.seed(db, plan("bench", 1)));
            assertTrue(refused.getMessage().startsWith("The database has no DeviceHub schema yet"),
                    refused.getMessage());
        }
    }

    private static long scalar(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
