package io.devicehub.database;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseDefaultsTest {

    @Test
    void theDataSourceClassFollowsTheUrl() {
        assertEquals(DatabaseDefaults.H2, DatabaseDefaults.dataSourceClassFor(null));
        assertEquals(DatabaseDefaults.H2, DatabaseDefaults.dataSourceClassFor("jdbc:h2:file:./data/devicehub"));
        assertEquals(DatabaseDefaults.MYSQL, DatabaseDefaults.dataSourceClassFor("jdbc:mysql://db:3306/devicehub"));
        assertEquals(DatabaseDefaults.MYSQL, DatabaseDefaults.dataSourceClassFor("jdbc:mariadb://db/devicehub"));
    }

    @Test
    void itYieldsToEveryOtherSource() {
        assertEquals(50, new DatabaseDefaults().getOrdinal());
        assertEquals(java.util.Set.of("db.class"), new DatabaseDefaults().getPropertyNames());
    }
}
