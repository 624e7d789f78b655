package io.devicehub.database;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Derives {@code db.class}, the JDBC data source class, from the database URL so that setting {@code DB_URL},
 * {@code DB_USER} and {@code DB_PASSWORD} is enough to switch databases. An explicit {@code DB_CLASS} (or
 * {@code db.class} anywhere else) wins: this source has the lowest ordinal.
 * <p>
 * It reads the URL from the system property {@code db.url} or the environment variable {@code DB_URL} directly; a URL
 * configured elsewhere needs {@code db.class} beside it.
 */
public class DatabaseDefaults implements ConfigSource {

    static final String H2 = "org.h2.jdbcx.JdbcDataSource";
    static final String MYSQL = "com.mysql.cj.jdbc.MysqlDataSource";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of("db.class");
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("db.class", dataSourceClassFor(configuredUrl()));
    }

    @Override
    public String getValue(String propertyName) {
        return "db.class".equals(propertyName) ? dataSourceClassFor(configuredUrl()) : null;
    }

    @Override
    public String getName() {
        return "DeviceHub database defaults";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    private static String configuredUrl() {
        String property = System.getProperty("db.url");
        return property != null ? property : System.getenv("DB_URL");
    }

    static String dataSourceClassFor(String url) {
        if (url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"))) {
            return MYSQL;
        }
        return H2;
    }
}
