package io.devicehub.bench.seed;

import io.devicehub.bench.DeviceNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one account and its devices in one transaction, replacing an earlier seed of the same account (its tokens,
 * connection history and devices go with it), so that a benchmark can be re-run on the same database. The SQL is
 * the portable subset the migrations themselves use: it runs on H2 and MySQL/MariaDB alike.
 */
public final class Seeder {

    private static final int BATCH = 1_000;

    /** What to write. The hashes and HMACs are computed by the caller; plain secrets stay out of this class. */
    public record Plan(String username, String passwordHash, int devices, String credentialHash,
                       DeviceMacs macs) {
    }

    /** The HMAC of the shared credential for one device id. */
    @FunctionalInterface
    public interface DeviceMacs {
        String of(long deviceId);
    }

    /** What was written. */
    public record Report(long accountId, int devices) {
    }

    private Seeder() {
    }

    public static Report seed(Connection db, Plan plan) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            requireSchema(db);
            forget(db, plan.username());
            long accountId = insertAccount(db, plan);
            insertDevices(db, accountId, plan);
            int withMac = storeMacs(db, accountId, plan.macs());
            db.commit();
            return new Report(accountId, withMac);
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    /** The devices need the columns of migration V2 (the HMAC); the server creates them on its first start. */
    private static void requireSchema(Connection db) throws SQLException {
        try (PreparedStatement probe = db.prepareStatement("SELECT credential_mac FROM device WHERE 1 = 0")) {
            probe.executeQuery().close();
        } catch (SQLException e) {
            throw new SQLException("The database has no DeviceHub schema yet (start the server once so that its "
                    + "migrations run): " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static void forget(Connection db, String username) throws SQLException {
        String account = "(SELECT id FROM account WHERE username = ?)";
        update(db, "DELETE FROM api_token WHERE account_id IN " + account, username);
        update(db, "DELETE FROM device_connection WHERE device_id IN (SELECT id FROM device WHERE account_id IN "
                + account + ")", username);
        update(db, "DELETE FROM device WHERE account_id IN " + account, username);
        // Its buckets (seed-records), records first: they have no foreign key to the bucket.
        update(db, "DELETE FROM bucket_record WHERE bucket_id IN (SELECT id FROM bucket WHERE account_id IN "
                + account + ")", username);
        update(db, "DELETE FROM bucket_rollup WHERE bucket_id IN (SELECT id FROM bucket WHERE account_id IN "
                + account + ")", username);
        update(db, "DELETE FROM bucket WHERE account_id IN " + account, username);
        update(db, "DELETE FROM account WHERE username = ?", username);
    }

    private static long insertAccount(Connection db, Plan plan) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO account (username, email, password_hash, "
                + "created_at, version) VALUES (?, ?, ?, ?, 0)")) {
            insert.setString(1, plan.username());
            insert.setString(2, plan.username() + "@bench.invalid");
            insert.setString(3, plan.passwordHash());
            insert.setObject(4, now());
            insert.executeUpdate();
        }
        try (PreparedStatement find = db.prepareStatement("SELECT id FROM account WHERE username = ?")) {
            find.setString(1, plan.username());
            try (ResultSet row = find.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Creation times one second apart, oldest first, so that sorting the list by "created" means something. */
    private static void insertDevices(Connection db, long accountId, Plan plan) throws SQLException {
        LocalDateTime first = now().minusSeconds(plan.devices());
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO device (account_id, identifier, description, "
                + "credential_hash, enabled, created_at, credential_changed_at, version) "
                + "VALUES (?, ?, ?, ?, TRUE, ?, ?, 0)")) {
            for (int i = 0; i < plan.devices(); i++) {
                LocalDateTime created = first.plusSeconds(i);
                insert.setLong(1, accountId);
                insert.setString(2, DeviceNames.of(i));
                insert.setString(3, "Benchmark device " + i);
                insert.setString(4, plan.credentialHash());
                insert.setObject(5, created);
                insert.setObject(6, created);
                insert.addBatch();
                if ((i + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static int storeMacs(Connection db, long accountId, DeviceMacs macs) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT id FROM device WHERE account_id = ?")) {
            select.setLong(1, accountId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE device SET credential_mac = ? WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                update.setString(1, macs.of(ids.get(i)));
                update.setLong(2, ids.get(i));
                update.addBatch();
                if ((i + 1) % BATCH == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
        return ids.size();
    }

    private static void update(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }

    /** UTC, millisecond precision: how the server's {@code InstantColumn} stores instants. */
    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
