package io.devicehub.device;

import io.devicehub.account.SignUp;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.annotation.ElementType;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The input rules shared by the boundaries and the console's forms. */
class InputRulesTest {

    /** Everything is reachable: these are plain records, and asking JPA about them only prints a warning. */
    private static final TraversableResolver PLAIN_OBJECTS = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }
    };
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .traversableResolver(PLAIN_OBJECTS).buildValidatorFactory().getValidator();
    private static final String CREDENTIAL = "twelve chars";

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "sensor-1", "Temp_Sensor", "abcdefghijklmnopqrstuvwxyz012345"})
    void validIdentifiers(String identifier) {
        assertEquals(Set.of(), fields(new DeviceRegistration(identifier, null, CREDENTIAL)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "dot.ted", "slash/", "ünïcode", "<script>", "abcdefghijklmnopqrstuvwxyz0123456"})
    void invalidIdentifiers(String identifier) {
        assertEquals(Set.of("identifier"), fields(new DeviceRegistration(identifier, null, CREDENTIAL)));
    }

    @Test
    void aMissingIdentifierIsReportedOnce() {
        Set<ConstraintViolation<DeviceRegistration>> violations =
                VALIDATOR.validate(new DeviceRegistration(null, null, CREDENTIAL));
        assertEquals(1, violations.size());
        assertEquals("must be 1 to 32 letters, digits, '_' or '-'", violations.iterator().next().getMessage());
    }

    @Test
    void descriptionsAreOptionalAndBounded() {
        assertEquals(Set.of(), fields(new DeviceRegistration("d", null, CREDENTIAL)));
        assertEquals(Set.of(), fields(new DeviceRegistration("d", "é".repeat(255), CREDENTIAL)));
        assertEquals(Set.of("description"), fields(new DeviceRegistration("d", "x".repeat(256), CREDENTIAL)));
    }

    @Test
    void credentialsAreTwelveToOneHundredTwentyEightCharacters() {
        assertEquals(Set.of("credential"), fields(new DeviceRegistration("d", null, "eleven char")));
        assertEquals(Set.of(), fields(new DeviceRegistration("d", null, "x".repeat(128))));
        assertEquals(Set.of("credential"), fields(new DeviceRegistration("d", null, "x".repeat(129))));
        assertEquals(Set.of("credential"), fields(new DeviceRegistration("d", null, null)));
    }

    @Test
    void signUpChecksUsernameEmailAndPassword() {
        assertEquals(Set.of(), fields(new SignUp("ada.l", "ada@example.com", "long enough!")));
        assertEquals(Set.of("username", "email", "password"), fields(new SignUp("-x", "nope", "short")));
        assertEquals(Set.of("username"), fields(new SignUp("ab", "ada@example.com", "long enough!")));
    }

    @Test
    void secretsNeverAppearInLogsThroughToString() {
        assertEquals(false, new DeviceRegistration("d", null, CREDENTIAL).toString().contains(CREDENTIAL));
        assertEquals(false, new SignUp("ada", "a@b.c", "my password!").toString().contains("my password!"));
    }

    private static <T> Set<String> fields(T input) {
        return VALIDATOR.validate(input).stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }
}
