package io.devicehub.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Defines DeviceHub's data source and brings its schema up to date before the application serves anything.
 * <p>
 * The data source's settings come from MicroProfile Config ({@code db.url}, {@code db.user}, {@code db.password},
 * {@code db.class}; environment variables {@code DB_URL} etc.), with an embedded H2 file database as the default
 * (see {@code META-INF/microprofile-config.properties} and {@link DatabaseDefaults}).
 * <p>
 * The migrations are the versioned scripts in the {@code src-db} module ({@code db/migration/V*__*.sql}), applied by
 * Flyway: already-applied scripts are skipped, changed ones stop the start-up, and nothing is ever dropped. Two
 * placeholders carry the only differences between H2 and MySQL (see {@code V1__accounts_and_devices.sql}).
 */
@DataSourceDefinition(
        name = SchemaMigrations.DATA_SOURCE,
        className = "${MPCONFIG=db.class}",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                // Hand out only connections that still answer: MySQL closes idle ones after wait_timeout.
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true"
        })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits each migration itself.
public class SchemaMigrations {

    public static final String DATA_SOURCE = "java:app/jdbc/devicehub";

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String product = product();
        MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(placeholdersFor(product))
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " on " + result.database
                + " (" + result.migrationsExecuted + " migrations applied now)");
        if (product.toLowerCase(Locale.ROOT).contains("h2")) {
            warnUnlessCommitsAreWrittenAtOnce();
            realignIdentityCounters();
        }
    }

    /**
     * H2 keeps commits in memory for up to half a second unless its URL says {@code WRITE_DELAY=0}: a server killed
     * meanwhile loses what it acknowledged. The default URL says so; one configured without it is worth a warning
     * at every start ({@code SET WRITE_DELAY} would not last: H2 restores the URL's value whenever it opens).
     */
    private void warnUnlessCommitsAreWrittenAtOnce() {
        // The driver's URL leaves the settings out; the database says what it runs with.
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            String url = connection.getMetaData().getURL().toUpperCase(Locale.ROOT);
            if (setting.next() && !"0".equals(setting.getString(1).trim()) && !url.startsWith("JDBC:H2:MEM:")) {
                LOG.warning("The H2 URL does not say ;WRITE_DELAY=0: commits are written to the file up to 500 ms"
                        + " after they are acknowledged, and a crash loses them. Add ;WRITE_DELAY=0 to DB_URL.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not answer: " + e.getMessage(), e);
        }
    }

    private void realignIdentityCounters() {
        try (Connection connection = dataSource.getConnection()) {
            for (IdentityCounters.Realigned moved : IdentityCounters.realign(connection)) {
                LOG.warning(() -> "The identity counter of " + moved.table() + "." + moved.column() + " was behind"
                        + " its rows (next " + moved.was() + "); restarted at " + moved.now()
                        + " (the embedded database was not closed cleanly)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the identity counters: " + e.getMessage(), e);
        }
    }

    /** The database's product name; its version goes to the log. */
    private String product() {
        try (Connection connection = dataSource.getConnection()) {
            String name = connection.getMetaData().getDatabaseProductName();
            String version = connection.getMetaData().getDatabaseProductVersion();
            LOG.info(() -> "Database: " + name + " " + version);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not answer: " + e.getMessage(), e);
        }
    }

    /** The vendor-specific pieces of otherwise portable DDL. */
    static Map<String, String> placeholdersFor(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("mysql") || product.contains("mariadb")) {
            return Map.of(
                    "table_options", "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
                    "case_sensitive", "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        return Map.of("table_options", "", "case_sensitive", "");
    }
}
