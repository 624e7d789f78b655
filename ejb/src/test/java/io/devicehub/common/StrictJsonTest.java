package io.devicehub.common;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documents from outside: one value, bounded nesting and numbers, every member named once. */
class StrictJsonTest {

    @Test
    void readsEveryKindOfValue() {
        JsonValue value = StrictJson.parse(" {\"a\": [1, 2.5, -3e10, \"é\", true, false, null], \"b\": {}} ");
        assertEquals(Json.createObjectBuilder()
                .add("a", Json.createArrayBuilder().add(1).add(Json.createValue(2.5))
                        .add(Json.createValue(new java.math.BigDecimal("-3e10"))).add("é").add(true).add(false)
                        .addNull())
                .add("b", Json.createObjectBuilder()).build(), value);
        assertEquals(JsonValue.TRUE, StrictJson.parse("true"));
        assertEquals(Json.createValue(42), StrictJson.parse("42"));
    }

    @Test
    void nestingIsLimitedTo32Levels() {
        String deepest = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        assertEquals(JsonValue.ValueType.ARRAY, StrictJson.parse(deepest).getValueType());
        String tooDeep = "{\"a\":".repeat(StrictJson.MAX_DEPTH) + "[1]" + "}".repeat(StrictJson.MAX_DEPTH);
        InvalidJsonException refused = assertThrows(InvalidJsonException.class, () -> StrictJson.parse(tooDeep));
        assertEquals("nested deeper than 32 levels", refused.reason());
    }

    @Test
    void aThousandLevelsAreRefusedAtTheFirstLevelTooMany() {
        String thousand = "[".repeat(1000) + "]".repeat(1000);
        InvalidJsonException refused = assertThrows(InvalidJsonException.class, () -> StrictJson.parse(thousand));
        assertTrue(refused.getMessage().contains("column 34"), refused.getMessage());
        // Unbalanced, even a million levels cost a bounded walk and no stack.
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse("[".repeat(1_000_000)));
    }

    @Test
    void longNumbersAndHugeExponentsAreRefused() {
        assertEquals(Json.createValue(new java.math.BigDecimal("1" + "0".repeat(99))),
                StrictJson.parse("1" + "0".repeat(99)));
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse("1" + "0".repeat(100)));
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse("[" + "9".repeat(1200) + "]"));
        assertEquals(Json.createValue(new java.math.BigDecimal("1e999")), StrictJson.parse("1e999"));
        assertEquals(Json.createValue(new java.math.BigDecimal("1E-999")), StrictJson.parse("1E-999"));
        InvalidJsonException huge = assertThrows(InvalidJsonException.class,
                () -> StrictJson.parse("{\"n\": 1e1000000000}"));
        assertTrue(huge.reason().startsWith("a number may have at most 100 characters"), huge.reason());
    }

    @Test
    void aMemberNamedTwiceIsRefused() {
        InvalidJsonException twice = assertThrows(InvalidJsonException.class,
                () -> StrictJson.parse("{\"a\": {\"b\": 1, \"b\": 2}}"));
        assertEquals("the member 'b' appears twice in one object", twice.reason());
        assertEquals(2, StrictJson.parse("[{\"b\": 1}, {\"b\": 2}]").asJsonArray().size());
    }

    @Test
    void exactlyOneValue() {
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse(""));
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse("  "));
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse("{} {}"));
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse("true false"));
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse("{\"a\":"));
        InvalidJsonException broken = assertThrows(InvalidJsonException.class, () -> StrictJson.parse("{\"a\":\n 1,}"));
        assertTrue(broken.getMessage().contains("(line 2, column 4)"), broken.getMessage());
    }
}
