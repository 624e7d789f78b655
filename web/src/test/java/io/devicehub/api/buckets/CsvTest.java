package io.devicehub.api.buckets;

import io.devicehub.common.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading CSV, turning its rows into records, and writing cells as an export does. */
class CsvTest {

    private static List<CsvReader.Row> rows(String csv, char separator) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(csv), separator);
        List<CsvReader.Row> rows = new ArrayList<>();
        for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void rowsFollowRfc4180AndKnowTheirLines() throws IOException {
        List<CsvReader.Row> rows = rows("ts,a,b\r\n1,\"x, \"\"y\"\"\",2\n2,\"two\nlines\",\n3,,last", ',');
        assertEquals(4, rows.size());
        assertEquals(List.of("ts", "a", "b"), rows.get(0).cells());
        assertEquals(List.of("1", "x, \"y\"", "2"), rows.get(1).cells());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("2", "two\nlines", ""), rows.get(2).cells());
        assertEquals(3, rows.get(2).line());
        assertEquals(List.of("3", "", "last"), rows.get(3).cells());
        assertEquals(5, rows.get(3).line(), "the quoted line break counts");
        assertEquals(List.of("a", "b"), rows("a;b", ';').get(0).cells());
    }

    @Test
    void theSeparatorIsFoundInTheHeader() {
        assertEquals(',', CsvReader.separatorOf("ts,a;b"));
        assertEquals(';', CsvReader.separatorOf("ts;a;b"));
        assertEquals('\t', CsvReader.separatorOf("ts\ta"));
        assertEquals(',', CsvReader.separatorOf("ts"));
    }

    @Test
    void whatCannotBeReadOnSaysWhere() {
        CsvReader.UnreadableException open = assertThrows(CsvReader.UnreadableException.class,
                () -> rows("ts,a\n1,\"never ends\n2,3\n", ','));
        assertEquals(2, open.line());
        assertThrows(CsvReader.UnreadableException.class, () -> rows("a," + "x".repeat(CsvReader.MAX_CELL + 1), ','));
        assertThrows(CsvReader.UnreadableException.class, () -> rows(",".repeat(CsvReader.MAX_CELLS + 1), ','));
    }

    @Test
    void cellsBecomeJsonValues() {
        assertEquals(Json.createValue(new java.math.BigDecimal("21.5")), CsvImport.value("21.5"));
        assertEquals(Json.createValue(new java.math.BigDecimal("-3")), CsvImport.value("-3"));
        assertEquals(Json.createValue(new java.math.BigDecimal("1e3")), CsvImport.value("1e3"));
        assertEquals(Json.createValue("007"), CsvImport.value("007"), "a zip code stays text");
        assertEquals(Json.createValue("1e9999"), CsvImport.value("1e9999"), "no number of a 4-digit exponent");
        assertEquals(JsonValue.TRUE, CsvImport.value("true"));
        assertEquals(JsonValue.NULL, CsvImport.value("null"));
        assertEquals(Json.createArrayBuilder().add("a").build(), CsvImport.value("[\"a\"]"));
        assertEquals(Json.createValue("{not json"), CsvImport.value("{not json"));
        assertEquals(Json.createValue("1,5"), CsvImport.value("1,5"));
    }

    @Test
    void aHeaderNamesTsAndFieldsThatCanBeNested() {
        CsvImport rows = CsvImport.of(List.of("ts", "climate.celsius", "climate.humidity", "device", "ok"));
        CsvImport.Converted converted = rows.convert(new CsvReader.Row(2, List.of("2026-12-01T08:00:00Z", "21.5",
                "", "greenhouse-1", "true")), System.currentTimeMillis());
        assertNull(converted.refusal());
        assertEquals(1796112000000L, converted.record().ts());
        assertEquals("greenhouse-1", converted.record().device());
        assertEquals(json("{\"climate\":{\"celsius\":21.5},\"ok\":true}"), converted.record().value());

        for (List<String> bad : List.of(List.of("a", "b"), List.of("ts", "a", "a"), List.of("ts", "a", "a.b"),
                List.of("ts", "a..b"), List.of("ts", "bad\u0001name"), List.of("ts", "x\uFFFD"))) {
            assertThrows(InvalidInputException.class, () -> CsvImport.of(bad), bad.toString());
        }
    }

    @Test
    void aBadRowIsRefusedWithItsReason() {
        CsvImport rows = CsvImport.of(List.of("ts", "a", "device"));
        long now = System.currentTimeMillis();
        assertEquals("has 2 cells; the header has 3", refusal(rows, now, "1", "2"));
        assertTrue(refusal(rows, now, "yesterday", "1", "").startsWith("ts must be milliseconds since 1970"));
        assertEquals("has no ts", refusal(rows, now, "", "1", ""));
        assertEquals("has no values", refusal(rows, now, "1", "", ""));
        assertTrue(refusal(rows, now, "1", "1", "a b").startsWith("device must be a device identifier"));
        assertEquals("ts must not be more than a day ahead of the server's clock",
                refusal(rows, now, String.valueOf(now + 2 * 86_400_000L), "1", ""));
        assertEquals("is not UTF-8", refusal(rows, now, "1", "caf\uFFFD", ""));
        assertEquals("value must be at most 65536 bytes of JSON", refusal(rows, now, "1", "x".repeat(70_000), ""));
        assertTrue(refusal(rows, now, "1", "1e308", "").isEmpty());
        assertTrue(refusal(rows, now, "1", "1e309", "").startsWith("value has a number beyond"));
    }

    private static String refusal(CsvImport rows, long now, String... cells) {
        String why = rows.convert(new CsvReader.Row(7, List.of(cells)), now).refusal();
        return why == null ? "" : why;
    }

    @Test
    void exportedCellsAreQuotedOnlyWhenTheyMustBe() throws IOException {
        assertEquals("plain", cell("plain"));
        assertEquals("\"a,b\"", cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", cell("say \"hi\""));
        assertEquals("\"two\nlines\"", cell("two\nlines"));
        assertEquals("\" padded \"", cell(" padded "));
        assertEquals("", cell(""));
    }

    private static String cell(String text) throws IOException {
        StringWriter out = new StringWriter();
        RecordExport.csv(out, text);
        return out.toString();
    }

    @Test
    void timestampsAreWrittenAsAsked() {
        assertEquals("2026-12-01T08:00:00.250Z", RecordExport.TimestampStyle.ISO.format(1796112000250L));
        assertEquals("1796112000250", RecordExport.TimestampStyle.MS.format(1796112000250L));
        assertEquals("1796112000.25", RecordExport.TimestampStyle.S.format(1796112000250L));
        assertEquals("1796112000", RecordExport.TimestampStyle.S.format(1796112000000L));
    }

    @Test
    void chosenFieldsKeepTheirNesting() {
        JsonObject record = json("{\"climate\":{\"celsius\":21.5,\"humidity\":40},\"ok\":true,\"tags\":[1]}");
        assertEquals(json("{\"climate\":{\"humidity\":40},\"tags\":[1]}"),
                RecordExport.select(record, List.of("climate.humidity", "tags", "missing")));
        assertEquals(json("{\"climate\":{\"celsius\":21.5,\"humidity\":40}}"),
                RecordExport.select(record, List.of("climate", "climate.celsius")));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
