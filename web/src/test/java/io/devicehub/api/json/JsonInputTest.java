package io.devicehub.api.json;

import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Members read as the types they must be, and every mistake reported by field, all at once. */
class JsonInputTest {

    @Test
    void membersAreReadAsTheirTypes() {
        JsonInput input = JsonInput.of(json("{\"name\":\"x\",\"on\":true,\"at\":\"2027-01-01T00:00:00Z\","
                + "\"tags\":[\"a\",\"b\"]}"), "name", "on", "at", "tags", "absent");
        assertEquals("x", input.string("name"));
        assertEquals(Boolean.TRUE, input.bool("on"));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), input.instant("at"));
        assertEquals(List.of("a", "b"), input.strings("tags"));
        assertNull(input.string("absent"));
        assertFalse(input.has("absent"));
        input.check();
    }

    @Test
    void nullIsPresentButEmpty() {
        JsonInput input = JsonInput.of(json("{\"description\":null}"), "description");
        assertTrue(input.has("description"));
        assertNull(input.string("description"));
        input.check();
    }

    @Test
    void everyWrongTypeAndUnknownMemberIsReportedTogether() {
        JsonInput input = JsonInput.of(json("{\"name\":1,\"on\":\"yes\",\"at\":\"tomorrow\",\"tags\":[\"a\",2],"
                + "\"descripton\":\"typo\"}"), "name", "on", "at", "tags", "description");
        input.string("name");
        input.bool("on");
        input.instant("at");
        input.strings("tags");
        InvalidInputException invalid = assertThrows(InvalidInputException.class, input::check);

        List<String> fields = invalid.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("at", "descripton", "name", "on", "tags[1]"), fields);
        assertEquals("must be a string, not a number", invalid.errors().get(2).message());
        assertEquals("must be true or false, not a string", invalid.errors().get(3).message());
        assertTrue(invalid.errors().get(1).message().contains("expected at, description, name, on, tags"));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
