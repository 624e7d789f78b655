package io.devicehub.client;

import io.devicehub.vocabulary.ResourceKind;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.devicehub.client.TestJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"led", "temperature.celsius", "fan_2", "A-b.C_9", "x",
            "1234567890123456789012345678901234567890123456789012345678901234"})
    void aResourceNameMayHoldUpTo64LettersDigitsUnderscoresDashesAndDots(String name) {
        assertEquals(name, Resource.run(name, () -> { }).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "a/b", "température", "led!",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void aResourceNameOutsideTheRulesIsRefusedWithTheRule(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Resource.output(name, () -> JsonValue.NULL));
        assertTrue(e.getMessage().contains("1 to 64 of A-Z a-z 0-9 _ - ."), e.getMessage());
    }

    @Test
    void aResourceWithoutNameOrHandlerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Resource.input(null, input -> { }));
        assertThrows(NullPointerException.class, () -> Resource.input("led", null));
    }

    @Test
    void eachFactoryGivesItsKind() {
        assertEquals(ResourceKind.OUTPUT, Resource.output("a", () -> null).kind());
        assertEquals(ResourceKind.OUTPUT, Resource.outputAsync("a", () -> null).kind());
        assertEquals(ResourceKind.INPUT, Resource.input("a", input -> { }).kind());
        assertEquals(ResourceKind.INPUT, Resource.inputAsync("a", input -> null).kind());
        assertEquals(ResourceKind.INPUT_OUTPUT, Resource.inputOutput("a", input -> input).kind());
        assertEquals(ResourceKind.INPUT_OUTPUT, Resource.inputOutputAsync("a", input -> null).kind());
        assertEquals(ResourceKind.RUN, Resource.run("a", () -> { }).kind());
        assertEquals(ResourceKind.RUN, Resource.runAsync("a", () -> null).kind());
    }

    @Test
    void theKindsAreNamedAsOnTheWire() {
        assertEquals("input", ResourceKind.INPUT.wireName());
        assertEquals("output", ResourceKind.OUTPUT.wireName());
        assertEquals("input/output", ResourceKind.INPUT_OUTPUT.wireName());
        assertEquals("run", ResourceKind.RUN.wireName());
    }

    @Test
    void anExampleGoesToTheDirectionsTheKindHas() {
        Resource input = Resource.input("led", value -> { }).example(JsonValue.TRUE);
        assertEquals(JsonValue.TRUE, input.input().example());
        assertNull(input.output().example());

        Resource output = Resource.output("t", () -> null).example(JsonValue.FALSE);
        assertNull(output.input().example());
        assertEquals(JsonValue.FALSE, output.output().example());

        Resource both = Resource.inputOutput("echo", value -> value).example(JsonValue.NULL);
        assertEquals(JsonValue.NULL, both.input().example());
        assertEquals(JsonValue.NULL, both.output().example());
    }

    @Test
    void aRunResourceHasNoExampleNorSchema() {
        Resource reboot = Resource.run("reboot", () -> { });
        assertThrows(IllegalStateException.class, () -> reboot.example(JsonValue.TRUE));
        assertThrows(IllegalStateException.class, () -> reboot.schema(object("{}")));
    }

    @Test
    void anInputResourceHasNoOutputExampleAndAnOutputResourceNoInputSchema() {
        assertThrows(IllegalStateException.class,
                () -> Resource.input("led", value -> { }).outputExample(JsonValue.TRUE));
        assertThrows(IllegalStateException.class,
                () -> Resource.output("t", () -> null).inputSchema(object("{}")));
    }

    @Test
    void aDescriptionHoldsAtMost255Characters() {
        assertEquals("x".repeat(255), Resource.run("r", () -> { }).description("x".repeat(255)).description()
                .orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> Resource.run("r", () -> { }).description("x".repeat(256)));
    }

    @Test
    void resourcesAreImmutableSoOneDeclarationCanBeShared() {
        Resource plain = Resource.output("t", () -> null);
        Resource described = plain.description("Temperature");
        assertNotSame(plain, described);
        assertTrue(plain.description().isEmpty());
    }
}
