package io.devicehub.it;

import io.devicehub.account.Account;
import io.devicehub.account.Accounts;
import io.devicehub.account.SignUp;
import io.devicehub.common.AlreadyRegisteredException;
import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import io.devicehub.common.Page;
import io.devicehub.credential.TooManyAttemptsException;
import io.devicehub.database.SchemaMigrations;
import io.devicehub.device.Device;
import io.devicehub.device.DeviceNotFoundException;
import io.devicehub.device.DeviceQuery;
import io.devicehub.device.DeviceRegistration;
import io.devicehub.device.DeviceSort;
import io.devicehub.device.Devices;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account and device boundaries inside the running server, against the real database: the rules of the
 * registry, how credentials are stored, and that no account can reach another account's devices.
 */
@ExtendWith(ArquillianExtension.class)
class RegistryIT {

    private static final String CREDENTIAL = "correct horse battery";

    @Deployment
    static WebArchive deployment() {
        return Deployments.devicehubWar().addClasses(RegistryIT.class, Deployments.class, Names.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    Devices devices;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Resource(lookup = SchemaMigrations.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void credentialsAreStoredOnlyAsSaltedPbkdf2HashesOfTheirOwn() throws SQLException {
        long owner = newAccount();
        devices.register(owner, new DeviceRegistration("sensor-1", "first", CREDENTIAL));
        devices.register(owner, new DeviceRegistration("sensor-2", "second", CREDENTIAL));

        String first = credentialHash(owner, "sensor-1");
        String second = credentialHash(owner, "sensor-2");
        String[] parts = first.split(":");
        assertAll(
                () -> assertEquals("PBKDF2WithHmacSHA256", parts[0]),
                () -> assertTrue(Integer.parseInt(parts[1]) >= 600_000, "iterations " + parts[1]),
                () -> assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt bytes"),
                () -> assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "hash bytes"),
                () -> assertFalse(first.contains(CREDENTIAL)),
                () -> assertFalse(first.equals(second), "the same credential must hash differently per device"));
    }

    @Test
    void aDuplicateIdentifierIsRejectedAndNothingChanges() {
        long owner = newAccount();
        devices.register(owner, new DeviceRegistration("thermostat", "kitchen", CREDENTIAL));

        AlreadyRegisteredException duplicate = assertThrows(AlreadyRegisteredException.class,
                () -> devices.register(owner, new DeviceRegistration("thermostat", "hall", CREDENTIAL)));

        assertEquals("identifier", duplicate.field());
        assertEquals(1, devices.count(owner, null));
        assertEquals("kitchen", devices.get(owner, "thermostat").getDescription());
    }

    @Test
    void identifiersAreCaseSensitiveAndUniqueOnlyWithinAnAccount() {
        long alice = newAccount();
        long bob = newAccount();
        devices.register(alice, new DeviceRegistration("Led", null, CREDENTIAL));
        devices.register(alice, new DeviceRegistration("led", null, CREDENTIAL));
        devices.register(bob, new DeviceRegistration("led", null, CREDENTIAL));

        assertEquals(2, devices.count(alice, null));
        assertEquals("Led", devices.get(alice, "Led").getIdentifier());
        assertEquals(1, devices.count(bob, null));
    }

    @Test
    void invalidInputIsRejectedFieldByFieldAndNothingIsStored() {
        long owner = newAccount();

        InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> devices.register(owner,
                new DeviceRegistration("no spaces!", "x".repeat(256), "short")));

        assertEquals(List.of("credential", "description", "identifier"),
                invalid.errors().stream().map(FieldError::field).toList());
        assertThrows(InvalidInputException.class,
                () -> devices.register(owner, new DeviceRegistration("x".repeat(33), null, CREDENTIAL)));
        assertThrows(InvalidInputException.class,
                () -> devices.register(owner, new DeviceRegistration("", null, CREDENTIAL)));
        assertThrows(InvalidInputException.class,
                () -> devices.register(owner, new DeviceRegistration(null, null, null)));
        assertEquals(0, devices.count(owner, null));
    }

    @Test
    void listingPagesSortsAndFiltersInTheDatabase() {
        long owner = newAccount();
        for (String id : List.of("bravo", "alpha", "charlie", "delta_1", "delta-2")) {
            devices.register(owner, new DeviceRegistration(id, "room " + id.toUpperCase(), CREDENTIAL));
        }

        Page<Device> firstTwo = devices.list(owner, new DeviceQuery(null, 0, 2, DeviceSort.IDENTIFIER, true));
        Page<Device> nextTwo = devices.list(owner, new DeviceQuery(null, 2, 2, DeviceSort.IDENTIFIER, true));
        Page<Device> newestFirst = devices.list(owner, DeviceQuery.firstPage(10));
        Page<Device> deltas = devices.list(owner, new DeviceQuery("ROOM DELTA", 0, 10, DeviceSort.IDENTIFIER, false));
        Page<Device> underscore = devices.list(owner, new DeviceQuery("a_", 0, 10, DeviceSort.IDENTIFIER, true));

        assertAll(
                () -> assertEquals(List.of("alpha", "bravo"), identifiers(firstTwo)),
                () -> assertEquals(5, firstTwo.total()),
                () -> assertEquals(List.of("charlie", "delta-2"), identifiers(nextTwo)),
                () -> assertEquals("delta-2", newestFirst.items().get(0).getIdentifier()),
                () -> assertEquals(List.of("delta_1", "delta-2"), identifiers(deltas)),
                () -> assertEquals(2, deltas.total()),
                () -> assertEquals(List.of("delta_1"), identifiers(underscore), "'_' is matched literally"));
        assertThrows(InvalidInputException.class,
                () -> devices.list(owner, new DeviceQuery(null, -1, 10000, DeviceSort.CREATED, true)));
    }

    @Test
    void anAccountCanNeverReachAnotherAccountsDevice() throws SQLException {
        long owner = newAccount();
        long intruder = newAccount();
        devices.register(owner, new DeviceRegistration("private", "mine", CREDENTIAL));
        String hashBefore = credentialHash(owner, "private");

        assertAll(
                () -> assertTrue(devices.find(intruder, "private").isEmpty()),
                () -> assertFalse(devices.exists(intruder, "private")),
                () -> assertEquals(0, devices.count(intruder, null)),
                () -> assertEquals(0, devices.list(intruder, DeviceQuery.firstPage(50)).total()),
                () -> assertThrows(DeviceNotFoundException.class, () -> devices.get(intruder, "private")),
                () -> assertThrows(DeviceNotFoundException.class,
                        () -> devices.describe(intruder, "private", "hacked")),
                () -> assertThrows(DeviceNotFoundException.class,
                        () -> devices.setEnabled(intruder, "private", false)),
                () -> assertThrows(DeviceNotFoundException.class,
                        () -> devices.rotateCredential(intruder, "private", "attacker-chosen-secret")),
                () -> assertThrows(DeviceNotFoundException.class, () -> devices.delete(intruder, "private")));

        Device untouched = devices.get(owner, "private");
        assertEquals("mine", untouched.getDescription());
        assertTrue(untouched.isEnabled());
        assertEquals(hashBefore, credentialHash(owner, "private"));
    }

    @Test
    void aDeviceCanBeDescribedDisabledRotatedAndDeleted() throws SQLException {
        long owner = newAccount();
        devices.register(owner, new DeviceRegistration("pump", "old", CREDENTIAL));
        String hashBefore = credentialHash(owner, "pump");

        devices.describe(owner, "pump", "  basement pump  ");
        devices.setEnabled(owner, "pump", false);
        devices.rotateCredential(owner, "pump", "a brand new credential");

        Device pump = devices.get(owner, "pump");
        assertEquals("basement pump", pump.getDescription());
        assertFalse(pump.isEnabled());
        assertFalse(hashBefore.equals(credentialHash(owner, "pump")));
        assertThrows(InvalidInputException.class, () -> devices.rotateCredential(owner, "pump", "short"));
        assertThrows(InvalidInputException.class, () -> devices.describe(owner, "pump", "x".repeat(256)));

        devices.describe(owner, "pump", "   ");
        assertNull(devices.get(owner, "pump").getDescription());
        devices.delete(owner, "pump");
        assertTrue(devices.find(owner, "pump").isEmpty());
    }

    @Test
    void signUpRejectsTakenNamesIgnoringCaseAndInvalidFields() {
        String username = Names.unique("Case");
        accounts.signUp(new SignUp(username, username + "@example.com", "long enough password"));

        AlreadyRegisteredException sameName = assertThrows(AlreadyRegisteredException.class, () -> accounts.signUp(
                new SignUp(username.toUpperCase(), "other-" + username + "@example.com", "long enough password")));
        AlreadyRegisteredException sameEmail = assertThrows(AlreadyRegisteredException.class, () -> accounts.signUp(
                new SignUp(Names.unique("other"), username.toUpperCase() + "@EXAMPLE.com", "long enough password")));
        InvalidInputException invalid = assertThrows(InvalidInputException.class,
                () -> accounts.signUp(new SignUp("x", "not-an-email", "short")));

        assertEquals("username", sameName.field());
        assertEquals("email", sameEmail.field());
        assertEquals(List.of("email", "password", "username"),
                invalid.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void signInChecksThePasswordAndSlowsDownGuessing() {
        String username = Names.unique("guess");
        String address = "198.51.100." + (int) (Math.random() * 250);
        accounts.signUp(new SignUp(username, username + "@example.com", "the right password"));

        assertTrue(accounts.authenticate(username.toUpperCase(), "the right password", address).isPresent());
        assertTrue(accounts.authenticate("nobody-" + username, "the right password", address).isEmpty());
        for (int attempt = 0; attempt < 5; attempt++) {
            assertTrue(accounts.authenticate(username, "a wrong password", address).isEmpty());
        }
        assertThrows(TooManyAttemptsException.class,
                () -> accounts.authenticate(username, "the right password", address), "after five failures");
        assertFalse(accounts.signInBlockedFor(username, address).isZero());
        assertTrue(accounts.authenticate(username, "the right password", "203.0.113.9").isPresent(),
                "the owner elsewhere still gets in");
    }

    @Test
    void aPasswordHashedWithALowerCostIsRehashedOnTheNextSignIn() throws SQLException {
        String username = Names.unique("legacy");
        Account account = accounts.signUp(new SignUp(username, username + "@example.com", "an old password"));
        pbkdf2.initialize(Map.of("Pbkdf2PasswordHash.Iterations", "1024",
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256", "Pbkdf2PasswordHash.SaltSizeBytes", "16"));
        update("UPDATE account SET password_hash = ? WHERE id = ?",
                pbkdf2.generate("an old password".toCharArray()), account.getId());

        assertTrue(accounts.authenticate(username, "an old password", "192.0.2.10").isPresent());

        String rehashed = query("SELECT password_hash FROM account WHERE id = ?", account.getId());
        assertTrue(rehashed.startsWith("PBKDF2WithHmacSHA256:600000:"), rehashed);
        assertTrue(accounts.authenticate(username, "an old password", "192.0.2.10").isPresent());
    }

    @Test
    void theSchemaIsManagedByVersionedMigrations() throws SQLException {
        String q;
        try (Connection connection = dataSource.getConnection()) {
            // Flyway's table and columns are lower case; H2 needs them quoted, MySQL must not have them quoted.
            q = connection.getMetaData().getDatabaseProductName().equals("H2") ? "\"" : "";
        }
        String version = query("SELECT MAX(" + q + "version" + q + ") FROM " + q + "flyway_schema_history" + q
                + " WHERE " + q + "success" + q + " = ?", true);
        assertTrue(Integer.parseInt(version) >= 1, "schema version " + version);
    }

    private long newAccount() {
        String username = Names.unique("owner");
        return accounts.signUp(new SignUp(username, username + "@example.com", "a long password")).getId();
    }

    private static List<String> identifiers(Page<Device> page) {
        return page.items().stream().map(Device::getIdentifier).toList();
    }

    private String credentialHash(long accountId, String identifier) throws SQLException {
        return query("SELECT credential_hash FROM device WHERE account_id = ? AND identifier = ?", accountId, identifier);
    }

    private String query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            assertTrue(result.next(), "no row for " + sql);
            return result.getString(1);
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
