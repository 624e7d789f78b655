package io.devicehub.bucket;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record's fields as dotted paths. */
class RecordFieldsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void nestedObjectsAreDottedPathsAndTheRestOneField() {
        JsonObject record = json("{\"climate\":{\"celsius\":21.5,\"where\":\"lab\"},\"tags\":[1,2],\"ok\":true,"
                + "\"empty\":{},\"a.b\":1}");
        assertEquals(Map.of("climate.celsius", true, "climate.where", false, "tags", false, "ok", false,
                "empty", false), RecordFields.of(record), "a name with a dot is stored but is no field");
        assertEquals(Json.createValue(21.5), RecordFields.valueAt(record, "climate.celsius"));
        assertNull(RecordFields.valueAt(record, "climate.celsius.deeper"));
        assertNull(RecordFields.valueAt(record, "nothing"));
    }

    @Test
    void deepObjectsStopAtTheLimit() {
        String deep = "{\"a\":".repeat(RecordFields.MAX_DEPTH + 1) + "1" + "}".repeat(RecordFields.MAX_DEPTH + 1);
        String path = String.join(".", java.util.Collections.nCopies(RecordFields.MAX_DEPTH, "a"));
        assertEquals(Map.of(path, false), RecordFields.of(json(deep)), "the deepest object is one field");
    }

    @Test
    void pathsAreCheckedBeforeTheyReachSql() {
        assertTrue(RecordFields.isPath("climate.celsius"));
        assertTrue(RecordFields.isPath("température"));
        assertFalse(RecordFields.isPath("a..b"));
        assertFalse(RecordFields.isPath(".a"));
        assertFalse(RecordFields.isPath("a\nb"));
        assertFalse(RecordFields.isPath("x".repeat(65)));
        assertFalse(RecordFields.isPath("a.a.a.a.a.a.a.a.a"));
    }

    @Test
    void numbersMustFitADouble() {
        assertTrue(RecordFields.numbersFitDoubles(json("{\"a\":[1.7e308,{\"b\":-1e-400}]}")));
        assertFalse(RecordFields.numbersFitDoubles(json("{\"a\":[1,{\"b\":-1e309}]}")));
    }
}
