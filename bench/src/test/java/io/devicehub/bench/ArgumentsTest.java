package io.devicehub.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgumentsTest {

    @Test
    void optionsFlagsNumbersAndDurationsAreRead() {
        Arguments arguments = new Arguments(List.of("--devices", "50_000", "--profile", "--hold", "500ms",
                "--duration", "2m", "--warmup", "15"));

        assertEquals(50_000, arguments.integer("devices", 1));
        assertTrue(arguments.flag("profile"));
        assertFalse(arguments.flag("quick"));
        assertEquals(Duration.ofMillis(500), arguments.duration("hold", Duration.ZERO));
        assertEquals(Duration.ofMinutes(2), arguments.duration("duration", Duration.ZERO));
        assertEquals(Duration.ofSeconds(15), arguments.duration("warmup", Duration.ZERO));
        assertEquals(7, arguments.integer("rate", 7));
        arguments.done();
    }

    @Test
    void aMistypedOptionFailsInsteadOfMeasuringSomethingElse() {
        Arguments arguments = new Arguments(List.of("--devcies", "5"));
        arguments.integer("devices", 1);

        UsageException refused = assertThrows(UsageException.class, arguments::done);
        assertEquals("unknown option(s) [--devcies]", refused.getMessage());
    }

    @Test
    void badValuesAndMissingOptionsAreExplained() {
        assertThrows(UsageException.class, () -> new Arguments(List.of("--devices", "many")).integer("devices", 1));
        assertThrows(UsageException.class, () -> new Arguments(List.of("--hold", "1h")).duration("hold", Duration.ZERO));
        assertThrows(UsageException.class, () -> new Arguments(List.of()).required("account"));
        assertThrows(UsageException.class, () -> new Arguments(List.of("devices")));
    }
}
