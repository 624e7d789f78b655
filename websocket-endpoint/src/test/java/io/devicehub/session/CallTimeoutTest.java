package io.devicehub.session;

import io.devicehub.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The timeout of a call: milliseconds or ISO-8601, more than 0 and at most 60 s. */
class CallTimeoutTest {

    @Test
    void millisecondsOrAnIsoDuration() {
        assertEquals(Duration.ofMillis(2500), CallTimeout.parse("2500"));
        assertEquals(Duration.ofMillis(2500), CallTimeout.parse("PT2.5S"));
        assertEquals(Duration.ofSeconds(60), CallTimeout.parse("PT1M"));
        assertEquals(Duration.ofSeconds(60), CallTimeout.parse("60000"));
    }

    @Test
    void absentMeansTheServersDefault() {
        assertNull(CallTimeout.parse(null));
        assertNull(CallTimeout.parse(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "60001", "PT61S", "PT-1S", "-5", "soon", "2.5s", "99999999999999999999"})
    void anythingElseIsA400OnTheTimeoutField(String text) {
        InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> CallTimeout.parse(text));
        assertEquals("timeout", invalid.errors().get(0).field());
    }
}
