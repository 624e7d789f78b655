package io.devicehub.it;

import io.devicehub.client.DeviceClient;
import io.devicehub.client.Resource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data buckets over the REST API as a program uses them: a bucket's whole life, every source's settings and their
 * errors, records written one at a time and in batches, replaced by their timestamp, read by time range and cursor
 * while records arrive, every bad record, and two accounts that cannot touch each other's buckets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BucketsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.devicehubWar();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String username;
    private String token;

    @BeforeEach
    void signUp() {
        api = new Api(base);
        username = Names.unique("bkt");
        SignUpForm.account(base, username);
        token = api.accessToken(username, SignUpForm.PASSWORD);
    }

    private static JsonObject json(String text) {
        return jakarta.json.Json.createReader(new java.io.StringReader(text)).readObject();
    }

    @Test
    void aBucketIsCreatedReadListedChangedAndDeleted() {
        Api.Reply created = api.post("api/v1/buckets", token, "{\"identifier\":\"climate\",\"name\":\"Greenhouse "
                + "climate\",\"source\":{\"type\":\"api\"},\"retention\":{\"amount\":30,\"unit\":\"days\"}}");
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").endsWith("/api/v1/buckets/climate"), created.header("Location"));
        JsonObject bucket = created.json();
        assertEquals("climate", bucket.getString("identifier"));
        assertEquals("Greenhouse climate", bucket.getString("name"));
        assertTrue(bucket.getBoolean("enabled"));
        assertEquals("api", bucket.getJsonObject("source").getString("type"));
        assertEquals(30, bucket.getJsonObject("retention").getInt("amount"));
        assertEquals("days", bucket.getJsonObject("retention").getString("unit"));
        assertEquals(0, bucket.getInt("records"));
        assertFalse(bucket.containsKey("lastWriteAt"));

        assertEquals(201, api.post("api/v1/buckets", token, "{\"identifier\":\"second\",\"source\":{\"type\":"
                + "\"devices\"}}").status());
        JsonObject page = api.get("api/v1/buckets", token).json();
        assertEquals(2, page.getInt("total"));
        assertEquals(List.of("second", "climate"), page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(b -> b.getString("identifier")).toList());
        assertEquals("second", api.get("api/v1/buckets/second", token).json().getString("name"),
                "the name defaults to the identifier");

        JsonObject changed = api.patch("api/v1/buckets/climate", token, "{\"description\":\"inside\","
                + "\"retention\":null,\"enabled\":false}").json();
        assertEquals("inside", changed.getString("description"));
        assertFalse(changed.containsKey("retention"), "null keeps records forever");
        assertFalse(changed.getBoolean("enabled"));
        assertEquals("Greenhouse climate", changed.getString("name"), "left out: unchanged");
        assertEquals(List.of("identifier"), api.patch("api/v1/buckets/climate", token,
                "{\"identifier\":\"renamed\"}").assertProblem(400, "invalid-input").errorFields());

        api.post("api/v1/buckets", token, "{\"identifier\":\"climate\",\"source\":{\"type\":\"api\"}}")
                .assertProblem(409, "already-exists");
        assertEquals(204, api.delete("api/v1/buckets/climate", token).status());
        api.get("api/v1/buckets/climate", token).assertProblem(404, "bucket-not-found");
        assertEquals(201, api.post("api/v1/buckets", token, "{\"identifier\":\"climate\",\"source\":{\"type\":"
                + "\"api\"}}").status(), "a deleted bucket's identifier is free again at once");
        assertEquals(0, api.get("api/v1/buckets/climate/records", token).json().getJsonArray("items").size());
    }

    @Test
    void eachSourceNeedsWhatItNeeds() {
        api.register(token, "sensor-1");
        JsonObject sampled = api.post("api/v1/buckets", token, "{\"identifier\":\"temp\",\"source\":{\"type\":"
                + "\"resource\",\"device\":\"sensor-1\",\"resource\":\"temperature\",\"intervalSeconds\":60}}").json();
        assertEquals("sensor-1", sampled.getJsonObject("source").getString("device"));
        assertEquals(60, sampled.getJsonObject("source").getInt("intervalSeconds"));
        assertEquals(0, sampled.getJsonObject("sampling").getInt("failed"));
        JsonObject pushed = api.post("api/v1/buckets", token, "{\"identifier\":\"pushed\",\"source\":{\"type\":"
                + "\"devices\",\"devices\":[\"sensor-1\"]}}").json();
        assertEquals(List.of("sensor-1"), pushed.getJsonObject("source").getJsonArray("devices")
                .getValuesAs(jakarta.json.JsonString::getString));

        assertEquals(List.of("source.device", "source.intervalSeconds", "source.resource"), api.post(
                "api/v1/buckets", token, "{\"identifier\":\"x\",\"source\":{\"type\":\"resource\",\"device\":"
                        + "\"not-mine\",\"resource\":\"a b\",\"intervalSeconds\":0}}").errorFields());
        assertEquals(List.of("source.devices"), api.post("api/v1/buckets", token, "{\"identifier\":\"x\","
                + "\"source\":{\"type\":\"devices\",\"devices\":[\"sensor-1\",\"ghost\"]}}").errorFields());
        assertEquals(List.of("source.type"), api.post("api/v1/buckets", token, "{\"identifier\":\"x\","
                + "\"source\":{\"type\":\"mqtt\"}}").errorFields());
        assertEquals(List.of("source.devices"), api.post("api/v1/buckets", token, "{\"identifier\":\"x\","
                + "\"source\":{\"type\":\"api\",\"devices\":[]}}").errorFields());
        assertEquals(List.of("source"), api.post("api/v1/buckets", token, "{\"identifier\":\"x\"}").errorFields());
        // The body's shape is checked first, then the values it holds.
        assertEquals(List.of("retention.unit"), api.post("api/v1/buckets", token,
                "{\"identifier\":\"no spaces\",\"name\":\"" + "n".repeat(65) + "\",\"source\":{\"type\":\"api\"},"
                        + "\"retention\":{\"amount\":1,\"unit\":\"decades\"}}").errorFields());
        assertEquals(List.of("identifier", "name"), api.post("api/v1/buckets", token,
                "{\"identifier\":\"no spaces\",\"name\":\"" + "n".repeat(65) + "\",\"source\":{\"type\":\"api\"},"
                        + "\"retention\":{\"amount\":1,\"unit\":\"days\"}}").errorFields());
        assertEquals(List.of("retention"), api.post("api/v1/buckets", token, "{\"identifier\":\"x\",\"source\":"
                + "{\"type\":\"api\"},\"retention\":{\"amount\":101,\"unit\":\"years\"}}").errorFields());
        api.post("api/v1/buckets", token, "{\"identifier\":\"x\",\"source\":{\"type\":\"api\"},\"colour\":1}")
                .assertProblem(400, "invalid-input");
        api.get("api/v1/buckets/x", token).assertProblem(404, "bucket-not-found");
    }

    @Test
    void recordsAreWrittenReplacedByTheirTimeAndReadByRangeAndCursor() {
        api.post("api/v1/buckets", token, "{\"identifier\":\"readings\",\"source\":{\"type\":\"api\"}}");
        Api.Reply one = api.post("api/v1/buckets/readings/records", token, "{\"value\":{\"celsius\":21.5}}");
        assertEquals(200, one.status(), one.body());
        assertEquals(1, one.json().getInt("stored"));
        Instant written = Instant.parse(one.json().getJsonArray("timestamps").getString(0));
        assertTrue(Math.abs(written.toEpochMilli() - System.currentTimeMillis()) < 60_000, written.toString());

        long t0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"ts\":").append(t0 + i * 1000L)
                    .append(",\"value\":{\"celsius\":").append(20 + i).append(",\"status\":\"ok\"}}");
        }
        batch.append(",{\"ts\":\"2026-01-01T00:00:09Z\",\"value\":{\"celsius\":99}}]"); // the same ts: the last wins
        Api.Reply stored = api.post("api/v1/buckets/readings/records", token, batch.toString());
        assertEquals(200, stored.status(), stored.body());
        assertEquals(10, stored.json().getInt("stored"), "eleven records, ten timestamps");
        assertEquals(11, api.get("api/v1/buckets/readings", token).json().getInt("records"));

        api.post("api/v1/buckets/readings/records", token, "{\"ts\":" + (t0 + 2000) + ",\"value\":42}");
        JsonArray oldest = api.get("api/v1/buckets/readings/records?order=oldest&limit=4", token).json()
                .getJsonArray("items");
        assertEquals("2026-01-01T00:00:00Z", oldest.getJsonObject(0).getString("ts"));
        assertEquals(42, oldest.getJsonObject(2).getJsonObject("value").getInt("value"),
                "a replaced record, and a value that is no object wrapped");
        assertEquals(11, api.get("api/v1/buckets/readings", token).json().getInt("records"), "replaced, not added");
        JsonArray ninth = api.get("api/v1/buckets/readings/records?from=2026-01-01T00:00:09Z&to=" + (t0 + 10_000),
                token).json().getJsonArray("items");
        assertEquals(1, ninth.size());
        assertEquals(99, ninth.getJsonObject(0).getJsonObject("value").getInt("celsius"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = api.get("api/v1/buckets/readings/records?limit=3&to=2026-06-01T00:00:00Z"
                    + (cursor == null ? "" : "&cursor=" + cursor), token).json();
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(r -> seen.add(r.getString("ts")));
            if (seen.size() == 3) { // a record arrives while the pages are read: the cursor is not thrown off
                api.post("api/v1/buckets/readings/records", token, "{\"ts\":" + (t0 + 500) + ",\"value\":{}}");
            }
            cursor = page.getString("next", null);
        } while (cursor != null);
        assertEquals(11, seen.size(), seen.toString());
        assertEquals("2026-01-01T00:00:09Z", seen.get(0));
        assertEquals("2026-01-01T00:00:00.500Z", seen.get(9), "arrived behind the cursor, so on a later page");
        assertEquals("2026-01-01T00:00:00Z", seen.get(10));

        JsonObject fields = api.get("api/v1/buckets/readings/fields", token).json();
        assertTrue(fields.getBoolean("celsius"));
        assertFalse(fields.getBoolean("status"));
        assertTrue(fields.getBoolean("value"));
    }

    @Test
    void aggregatesFollowTheCalendarOfATimeZoneAcrossAChangeOfTheClocks() {
        api.post("api/v1/buckets", token, "{\"identifier\":\"hourly\",\"source\":{\"type\":\"api\"}}");
        // One record an hour from 2026-03-28T00:00Z for three days: Berlin changes to summer time on the 29th.
        long start = Instant.parse("2026-03-28T00:00:00Z").toEpochMilli();
        StringBuilder batch = new StringBuilder("[");
        for (int h = 0; h < 72; h++) {
            batch.append(h == 0 ? "" : ",").append("{\"ts\":").append(start + h * 3_600_000L)
                    .append(",\"value\":{\"celsius\":").append(h).append(",\"humidity\":").append(100 - h)
                    .append(",\"status\":\"ok\"}}");
        }
        assertEquals(200, api.post("api/v1/buckets/hourly/records", token, batch + "]").status());

        JsonObject daily = api.get("api/v1/buckets/hourly/aggregate?from=2026-03-28T00:00:00Z&to=2026-03-31T00:00:00Z"
                + "&interval=1d&function=count&field=celsius", token).json();
        assertEquals(List.of(24L, 24L, 24L), counts(daily), "UTC days");
        JsonObject berlin = api.get("api/v1/buckets/hourly/aggregate?from=2026-03-28T00:00:00Z&to=2026-03-31T00:00:00Z"
                + "&interval=1d&function=count&field=celsius&zone=Europe/Berlin", token).json();
        assertEquals(List.of(23L, 23L, 24L, 2L), counts(berlin), "the first day starts at 01:00 in Berlin, "
                + "the 29th has 23 hours");
        JsonArray slots = berlin.getJsonArray("items");
        assertEquals("2026-03-27T23:00:00Z", slots.getJsonObject(0).getString("from"));
        assertEquals("2026-03-28T23:00:00Z", slots.getJsonObject(1).getString("from"));
        assertEquals("2026-03-29T22:00:00Z", slots.getJsonObject(2).getString("from"), "midnight of summer time");

        JsonObject firstDay = api.get("api/v1/buckets/hourly/aggregate?from=2026-03-28T00:00:00Z"
                + "&to=2026-03-29T00:00:00Z&interval=1d", token).json();
        assertEquals(List.of("celsius", "humidity"), firstDay.getJsonArray("fields")
                .getValuesAs(jakarta.json.JsonString::getString), "every numeric field, not the status");
        JsonObject values = firstDay.getJsonArray("items").getJsonObject(0).getJsonObject("values");
        assertEquals(11.5, values.getJsonNumber("celsius").doubleValue(), 1e-9, "mean of 0..23");
        assertEquals(88.5, values.getJsonNumber("humidity").doubleValue(), 1e-9);
        for (String[] expected : List.of(new String[]{"min", "0"}, new String[]{"max", "23"},
                new String[]{"sum", "276"}, new String[]{"first", "0"}, new String[]{"last", "23"})) {
            JsonObject one = api.get("api/v1/buckets/hourly/aggregate?from=2026-03-28T00:00:00Z&to=2026-03-29T00:00:00Z"
                    + "&interval=1d&field=celsius&function=" + expected[0], token).json();
            assertEquals(Double.parseDouble(expected[1]), one.getJsonArray("items").getJsonObject(0)
                    .getJsonObject("values").getJsonNumber("celsius").doubleValue(), 1e-9, expected[0]);
        }
        JsonObject hours = api.get("api/v1/buckets/hourly/aggregate?from=2026-03-28T00:00:00Z&to=2026-03-28T06:00:00Z"
                + "&interval=2h&function=max&field=celsius", token).json();
        assertEquals(List.of(1.0, 3.0, 5.0), hours.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(slot -> slot.getJsonObject("values").getJsonNumber("celsius").doubleValue()).toList());

        api.post("api/v1/buckets/hourly/records", token, "[{\"ts\":\"2026-01-31T23:30:00Z\",\"value\":"
                + "{\"celsius\":1}},{\"ts\":\"2026-02-01T00:30:00Z\",\"value\":{\"celsius\":2}}]");
        assertEquals(List.of(1L, 1L), counts(api.get("api/v1/buckets/hourly/aggregate?from=2026-01-01T00:00:00Z"
                + "&to=2026-03-01T00:00:00Z&interval=1mo&function=count&field=celsius", token).json()), "UTC months");
        JsonObject months = api.get("api/v1/buckets/hourly/aggregate?from=2026-01-01T00:00:00Z"
                + "&to=2026-03-01T00:00:00Z&interval=1mo&function=count&field=celsius&zone=Europe/Berlin", token)
                .json();
        assertEquals(List.of(2L), counts(months), "both are February in Berlin");
        assertEquals("2026-01-31T23:00:00Z", months.getJsonArray("items").getJsonObject(0).getString("from"));

        // Aggregates follow replaced and cleared records, also inside a minute and at a range's odd edges.
        String march28 = "api/v1/buckets/hourly/aggregate?from=2026-03-28T00:00:00Z&to=2026-03-29T00:00:00Z"
                + "&interval=1d&field=celsius&function=";
        api.post("api/v1/buckets/hourly/records", token, "[{\"ts\":" + start + ",\"value\":{\"celsius\":50}},"
                + "{\"ts\":" + (start + 3_600_000L) + ",\"value\":{\"status\":\"no reading\"}},"
                + "{\"ts\":" + (start + 3_600_500L) + ",\"value\":{\"celsius\":-4.5}}]");
        assertEquals(-4.5, dayValue(api.get(march28 + "min", token).json()), 1e-9);
        assertEquals(50.0, dayValue(api.get(march28 + "max", token).json()), 1e-9, "0 replaced by 50");
        assertEquals(276 + 50 - 1 - 4.5, dayValue(api.get(march28 + "sum", token).json()), 1e-9,
                "1 gone with its field, -4.5 added");
        assertEquals(24.0, dayValue(api.get(march28 + "count", token).json()), 1e-9);
        assertEquals(200, api.delete("api/v1/buckets/hourly/records?from=" + (start + 3_600_400L) + "&to="
                + (start + 3_600_600L), token).status());
        assertEquals(23.0, dayValue(api.get(march28 + "count", token).json()), 1e-9, "-4.5 cleared");
        assertEquals(2.0, dayValue(api.get(march28 + "min", token).json()), 1e-9);
        assertEquals(23.0, dayValue(api.get("api/v1/buckets/hourly/aggregate?from=" + (start + 1_234L) + "&to="
                + (start + 23 * 3_600_000L + 1L) + "&interval=1d&field=celsius&function=max", token).json()), 1e-9,
                "a range from and to the middle of minutes");
        assertEquals(50.0, dayValue(api.get(march28 + "first", token).json()), 1e-9);

        assertTrue(api.get("api/v1/buckets/hourly/aggregate?field=status", token).assertProblem(400, "invalid-input")
                .detail().contains("was never a number"));
        assertEquals(List.of("field"), api.get("api/v1/buckets/hourly/aggregate?field=pressure", token).errorFields());
        assertEquals(List.of("function", "interval", "zone"), api.get("api/v1/buckets/hourly/aggregate?"
                + "interval=1fortnight&function=median&zone=Mars/Olympus", token).errorFields());
        assertEquals(List.of("interval"), api.get("api/v1/buckets/hourly/aggregate?interval=1m"
                + "&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", token).errorFields(), "525,600 slots");
    }

    private static double dayValue(JsonObject aggregation) {
        return aggregation.getJsonArray("items").getJsonObject(0).getJsonObject("values").getJsonNumber("celsius")
                .doubleValue();
    }

    private static List<Long> counts(JsonObject aggregation) {
        return aggregation.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(slot -> slot.getJsonObject("values").getJsonNumber("celsius").longValue()).toList();
    }

    @Test
    void badRecordsAreRefusedWholeAndNameTheFirstBadOne() {
        api.post("api/v1/buckets", token, "{\"identifier\":\"strict\",\"source\":{\"type\":\"api\"}}");
        assertEquals(List.of("records[1].value"), api.post("api/v1/buckets/strict/records", token,
                "[{\"value\":1},{\"ts\":1}]").errorFields());
        assertEquals(List.of("records[0]"), api.post("api/v1/buckets/strict/records", token, "[7]").errorFields());
        assertEquals(List.of("records[0].colour"), api.post("api/v1/buckets/strict/records", token,
                "{\"value\":1,\"colour\":\"red\"}").errorFields());
        assertEquals(List.of("records[0].ts"), api.post("api/v1/buckets/strict/records", token,
                "{\"value\":1,\"ts\":\"yesterday\"}").errorFields());
        assertEquals(List.of("records[1].ts"), api.post("api/v1/buckets/strict/records", token,
                "[{\"value\":1},{\"value\":2,\"ts\":" + (System.currentTimeMillis() + 2 * 86_400_000L) + "}]")
                .errorFields());
        assertEquals(List.of("records[0].ts"), api.post("api/v1/buckets/strict/records", token,
                "{\"value\":1,\"ts\":-5}").errorFields());
        assertEquals(List.of("records[0].value"), api.post("api/v1/buckets/strict/records", token,
                "{\"value\":\"" + "x".repeat(70_000) + "\"}").errorFields());
        assertEquals(List.of("records"), api.post("api/v1/buckets/strict/records", token,
                "[" + "{\"value\":1},".repeat(1000) + "{\"value\":1}]").errorFields());
        api.post("api/v1/buckets/strict/records", token, "[" + ("{\"value\":\"" + "y".repeat(1000) + "\"},")
                .repeat(1100) + "{\"value\":1}]").assertProblem(413, "payload-too-large");
        api.post("api/v1/buckets/strict/records", token, "[]").assertProblem(400, "invalid-input");
        api.post("api/v1/buckets/strict/records", token, "{\"value\":").assertProblem(400, "malformed-json");
        assertEquals(0, api.get("api/v1/buckets/strict", token).json().getInt("records"), "nothing was stored");
        assertEquals(List.of("cursor"), api.get("api/v1/buckets/strict/records?cursor=nonsense", token)
                .errorFields());
        assertEquals(List.of("from"), api.get("api/v1/buckets/strict/records?from=soon", token).errorFields());
        assertEquals(List.of("limit"), api.get("api/v1/buckets/strict/records?limit=1001", token).errorFields());

        api.post("api/v1/buckets", token, "{\"identifier\":\"pushed\",\"source\":{\"type\":\"devices\"}}");
        assertTrue(api.post("api/v1/buckets/pushed/records", token, "{\"value\":1}")
                .assertProblem(409, "wrong-source").detail().contains("data messages"));
        api.patch("api/v1/buckets/strict", token, "{\"enabled\":false}");
        api.post("api/v1/buckets/strict/records", token, "{\"value\":1}").assertProblem(409, "bucket-disabled");
        api.post("api/v1/buckets/nothing/records", token, "{\"value\":1}").assertProblem(404, "bucket-not-found");
    }

    @Test
    void devicesWriteWithDataMessagesAndAreToldOnceARecordIsCommitted() throws Exception {
        String credential = api.register(token, "sensor-1");
        String other = api.register(token, "sensor-2");
        api.post("api/v1/buckets", token, "{\"identifier\":\"climate\",\"source\":{\"type\":\"devices\","
                + "\"devices\":[\"sensor-1\"]}}");
        api.post("api/v1/buckets", token, "{\"identifier\":\"readings\",\"source\":{\"type\":\"api\"}}");
        api.post("api/v1/buckets", token, "{\"identifier\":\"off\",\"enabled\":false,\"source\":{\"type\":"
                + "\"devices\"}}");
        try (RawDevice raw = RawDevice.connect(api.deviceEndpoint());
             RawDevice intruder = RawDevice.connect(api.deviceEndpoint())) {
            assertTrue(raw.authenticate(username, "sensor-1", credential).contains("welcome"));
            raw.send("{\"type\":\"data\",\"bucket\":\"climate\",\"value\":{\"celsius\":21.5},\"id\":\"r1\"}");
            JsonObject stored = json(raw.next());
            assertEquals("stored", stored.getString("type"));
            assertEquals("r1", stored.getString("id"));
            raw.send("{\"type\":\"data\",\"bucket\":\"climate\",\"value\":22,\"ts\":1764662400000,"
                    + "\"id\":\"r2\"}");
            assertEquals("2025-12-02T08:00:00Z", json(raw.next()).getString("ts"));
            raw.send("{\"type\":\"data\",\"bucket\":\"climate\",\"value\":{\"celsius\":23}}"); // no id: no answer

            for (String[] refusal : List.of(new String[]{"nowhere", "unknown-bucket"},
                    new String[]{"readings", "wrong-source"}, new String[]{"off", "bucket-disabled"})) {
                raw.send("{\"type\":\"data\",\"bucket\":\"" + refusal[0] + "\",\"value\":1,\"id\":\"x\"}");
                JsonObject error = json(raw.next());
                assertEquals(refusal[1], error.getString("code"), error.toString());
                assertEquals("x", error.getString("id"));
            }
            raw.send("{\"type\":\"data\",\"bucket\":\"climate\",\"value\":1,\"id\":\"f\",\"ts\":"
                    + (System.currentTimeMillis() + 3 * 86_400_000L) + "}");
            JsonObject future = json(raw.next());
            assertEquals("invalid-data", future.getString("code"));
            assertTrue(future.getString("message").startsWith("'ts' must not be more than a day ahead"),
                    future.toString());
            raw.send("{\"type\":\"data\",\"bucket\":\"climate\",\"value\":1,\"id\":\"y\","
                    + "\"ts\":\"+1000000000-01-01T00:00:00Z\"}"); // parses as an instant, beyond milliseconds
            JsonObject beyond = json(raw.next());
            assertEquals("invalid-data", beyond.getString("code"), beyond.toString());
            assertEquals("y", beyond.getString("id"));
            // Refused records among stored ones, sent at once so that they share a commit: the refusals must not
            // undo it (an acknowledged record is stored, whatever else the same commit refused).
            List<String> burst = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                raw.send("{\"type\":\"data\",\"bucket\":\"climate\",\"value\":{\"celsius\":" + (30 + i)
                        + "},\"id\":\"b" + i + "\",\"ts\":" + (1764662401000L + i) + "}");
                raw.send("{\"type\":\"data\",\"bucket\":\"nowhere\",\"value\":1,\"id\":\"n" + i + "\"}");
            }
            for (int i = 0; i < 16; i++) {
                JsonObject answer = json(raw.next());
                burst.add(answer.getString("type") + ":" + answer.getString("id"));
            }
            assertEquals(8, burst.stream().filter(a -> a.startsWith("stored:b")).count(), burst.toString());
            assertEquals(8, burst.stream().filter(a -> a.startsWith("error:n")).count(), burst.toString());
            raw.send("{\"type\":\"data\",\"bucket\":\"nowhere\",\"value\":1}"); // no id: not answered
            raw.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", raw.next(), "nothing was said about the data without an id");

            assertTrue(intruder.authenticate(username, "sensor-2", other).contains("welcome"));
            intruder.send("{\"type\":\"data\",\"bucket\":\"climate\",\"value\":1,\"id\":\"i\"}");
            assertEquals("not-a-writer", json(intruder.next()).getString("code"));
        }

        JsonArray records = api.get("api/v1/buckets/climate/records?order=oldest", token).json().getJsonArray("items");
        assertEquals(11, records.size(), records.toString());
        assertEquals(List.of(30, 31, 32, 33, 34, 35, 36, 37), records.getValuesAs(JsonObject.class).subList(1, 9)
                .stream().map(r -> r.getJsonObject("value").getInt("celsius")).toList());
        records = jakarta.json.Json.createArrayBuilder(records).remove(1).remove(1).remove(1).remove(1).remove(1)
                .remove(1).remove(1).remove(1).build();
        assertEquals("sensor-1", records.getJsonObject(0).getString("device"));
        assertEquals(22, records.getJsonObject(0).getJsonObject("value").getInt("value"));
        assertEquals(List.of(21.5, 23.0), records.getValuesAs(JsonObject.class).subList(1, 3).stream()
                .map(r -> r.getJsonObject("value").getJsonNumber("celsius").doubleValue()).toList());

        try (TestDevice sdk = TestDevice.online(base, username, "sensor-1", credential)) {
            Instant at = sdk.push("climate", jakarta.json.Json.createValue(7)).toCompletableFuture()
                    .get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(12, api.get("api/v1/buckets/climate", token).json().getInt("records"));
            assertEquals(at.toString(), api.get("api/v1/buckets/climate/records?limit=1", token).json()
                    .getJsonArray("items").getJsonObject(0).getString("ts"));
        }
    }

    @Test
    void theServerSamplesAResourceOnItsScheduleAndCountsEveryGap() throws Exception {
        String credential = api.register(token, "meter");
        api.post("api/v1/buckets", token, "{\"identifier\":\"counts\",\"source\":{\"type\":\"resource\","
                + "\"device\":\"meter\",\"resource\":\"count\",\"intervalSeconds\":1}}").assertCreated();
        JsonObject gaps = eventually(() -> api.get("api/v1/buckets/counts", token).json(),
                bucket -> bucket.getJsonObject("sampling").getInt("failed") >= 1, "an offline device leaves gaps");
        assertEquals("Device meter is offline.", gaps.getJsonObject("sampling").getString("lastError"));
        assertEquals(0, gaps.getInt("records"));

        AtomicInteger count = new AtomicInteger();
        AtomicInteger slowCalls = new AtomicInteger();
        AtomicInteger mostSlowCallsAtOnce = new AtomicInteger();
        java.util.function.Supplier<DeviceClient> meter = () -> DeviceClient.builder(api.deviceEndpoint())
                .account(username).device("meter").credential(credential)
                .resource(Resource.output("count", () -> jakarta.json.Json.createValue(count.incrementAndGet())))
                .resource(Resource.outputAsync("slow", () -> {
                    mostSlowCallsAtOnce.accumulateAndGet(slowCalls.incrementAndGet(), Math::max);
                    return CompletableFuture.supplyAsync(() -> JsonValue.TRUE,
                                    CompletableFuture.delayedExecutor(2500, TimeUnit.MILLISECONDS))
                            .whenComplete((done, failed) -> slowCalls.decrementAndGet());
                }))
                .resource(Resource.inputOutput("echo", input -> jakarta.json.Json.createObjectBuilder()
                        .add("got", input).build()))
                .resource(Resource.input("led", input -> { }))
                .build();
        DeviceClient first = meter.get();
        first.start();
        assertTrue(first.awaitOnline(Duration.ofSeconds(15)));
        eventually(() -> api.get("api/v1/devices/meter/resources", token).json(),
                described -> described.getJsonArray("resources").size() == 4, "meter described itself");

        Api.Reply input = api.post("api/v1/buckets", token, "{\"identifier\":\"x\",\"source\":{\"type\":"
                + "\"resource\",\"device\":\"meter\",\"resource\":\"led\",\"intervalSeconds\":1}}");
        assertEquals(List.of("source.resource"), input.errorFields());
        assertTrue(input.body().contains("is an input resource; only output and input/output resources"), input.body());
        Api.Reply unknown = api.post("api/v1/buckets", token, "{\"identifier\":\"x\",\"source\":{\"type\":"
                + "\"resource\",\"device\":\"meter\",\"resource\":\"volts\",\"intervalSeconds\":1}}");
        assertEquals(List.of("source.resource"), unknown.errorFields());
        assertTrue(unknown.body().contains("is not a resource of meter; its resources with an output are count, slow,"
                + " echo"), unknown.body());
        api.post("api/v1/buckets", token, "{\"identifier\":\"echoes\",\"source\":{\"type\":\"resource\","
                + "\"device\":\"meter\",\"resource\":\"echo\",\"intervalSeconds\":2}}").assertCreated();
        api.post("api/v1/buckets", token, "{\"identifier\":\"slow\",\"source\":{\"type\":\"resource\","
                + "\"device\":\"meter\",\"resource\":\"slow\",\"intervalSeconds\":1}}").assertCreated();

        JsonArray counted = eventually(() -> api.get("api/v1/buckets/counts/records?order=oldest", token).json()
                .getJsonArray("items"), items -> items.size() >= 3, "the online device is sampled every second");
        long previous = 0;
        int previousCount = 0;
        for (JsonObject record : counted.getValuesAs(JsonObject.class)) {
            long ts = Instant.parse(record.getString("ts")).toEpochMilli();
            assertEquals(0, ts % 1000, "samples are taken on whole seconds: " + counted);
            assertTrue(ts > previous, counted.toString());
            assertEquals("meter", record.getString("device"));
            int value = record.getJsonObject("value").getInt("value"); // a number, wrapped as every scalar is
            assertTrue(value > previousCount, counted.toString());
            previous = ts;
            previousCount = value;
        }
        JsonObject echoed = eventually(() -> api.get("api/v1/buckets/echoes/records", token).json()
                .getJsonArray("items"), items -> !items.isEmpty(), "input/output is sampled").getJsonObject(0);
        assertEquals(JsonValue.NULL, echoed.getJsonObject("value").get("got"), "sampled with the input null");
        JsonObject slow = eventually(() -> api.get("api/v1/buckets/slow", token).json(),
                bucket -> bucket.getJsonObject("sampling").getInt("failed") >= 2 && bucket.getInt("records") >= 1,
                "a slow device is sampled as fast as it answers, with gaps between");
        assertEquals("The previous sample's call was still waiting for the device.",
                slow.getJsonObject("sampling").getString("lastError"));
        assertEquals(1, mostSlowCallsAtOnce.get(), "never more than one call waits: no pile-up on a slow device");

        api.patch("api/v1/buckets/slow", token, "{\"enabled\":false}");
        api.patch("api/v1/buckets/counts", token, "{\"enabled\":false}");
        Thread.sleep(1500);
        int stopped = api.get("api/v1/buckets/counts", token).json().getInt("records");
        Thread.sleep(2000);
        assertEquals(stopped, api.get("api/v1/buckets/counts", token).json().getInt("records"),
                "a disabled bucket is not sampled");

        first.close();
        api.patch("api/v1/buckets/counts", token, "{\"enabled\":true}");
        DeviceClient again = meter.get();
        again.start();
        try {
            assertTrue(again.awaitOnline(Duration.ofSeconds(15)));
            eventually(() -> api.get("api/v1/buckets/counts", token).json(),
                    bucket -> bucket.getInt("records") >= stopped + 2, "sampling follows the device back online");
        } finally {
            again.close();
        }
    }

    @Test
    void recordsAreExportedStreamedImportedFromCsvAndCleared() throws Exception {
        api.post("api/v1/buckets", token, "{\"identifier\":\"big\",\"source\":{\"type\":\"api\"}}").assertCreated();
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        int total = 12_345; // three pages of an export and a bit
        for (int batch = 0; batch * 1000 < total; batch++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = batch * 1000; i < Math.min(total, batch * 1000 + 1000); i++) {
                body.append(i % 1000 == 0 ? "" : ",").append("{\"ts\":").append(start + i * 1000L)
                        .append(",\"value\":{\"n\":").append(i).append(",\"room\":{\"name\":\"lab, ").append(i % 3)
                        .append("\"},\"note\":").append(i == 7 ? "\"say \\\"hi\\\"\\nnow\"" : "null").append("}}");
            }
            assertEquals(200, api.post("api/v1/buckets/big/records", token, body.append("]").toString()).status());
        }

        Api.Reply csv = api.get("api/v1/buckets/big/export", token);
        assertEquals(200, csv.status(), csv.body());
        assertEquals("text/csv;charset=utf-8", csv.contentType().replace(" ", ""));
        assertEquals("attachment; filename=\"big.csv\"", csv.header("Content-Disposition"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(total + 1, lines.length, "a header and a row each (record 7's line break is quoted, and LF)");
        assertEquals("ts,device,n,note,room.name", lines[0]);
        assertEquals("2026-01-01T00:00:00Z,,0,,\"lab, 0\"", lines[1]);
        assertEquals("2026-01-01T00:00:07Z,,7,\"say \"\"hi\"\"\nnow\",\"lab, 1\"", lines[8]);
        assertEquals("2026-01-01T03:25:44Z,,12344,,\"lab, 2\"", lines[lines.length - 1]);

        String[] ndjson = api.get("api/v1/buckets/big/export?format=ndjson&order=newest&timestamps=ms&fields=n,x",
                token).body().split("\n");
        assertEquals(total, ndjson.length);
        assertEquals("{\"ts\":" + (start + (total - 1) * 1000L) + ",\"value\":{\"n\":" + (total - 1) + "}}", ndjson[0]);
        JsonArray range = api.get("api/v1/buckets/big/export?format=json&timestamps=s&from=2026-01-01T00:00:10Z"
                + "&to=" + (start + 20_000), token).value().asJsonArray();
        assertEquals(10, range.size());
        assertEquals(start / 1000 + 10, range.getJsonObject(0).getJsonNumber("ts").longValue());
        assertEquals(json("{\"n\":10,\"room\":{\"name\":\"lab, 1\"},\"note\":null}"),
                range.getJsonObject(0).getJsonObject("value"));
        assertEquals("[]\n", api.get("api/v1/buckets/big/export?format=json&from=1&to=2", token).body());
        assertEquals(List.of("fields", "format", "order", "timestamps", "to"), api.get("api/v1/buckets/big/export"
                + "?format=xml&timestamps=us&order=up&fields=a..b&to=soon", token).errorFields());

        // What an export wrote imports as it is, into a bucket of any source.
        api.post("api/v1/buckets", token, "{\"identifier\":\"copy\",\"source\":{\"type\":\"devices\"}}");
        JsonObject report = importCsv("copy", csv.body()).json();
        assertEquals(total, report.getInt("stored"), report.toString());
        assertEquals(0, report.getInt("refused"));
        assertEquals(csv.body(), api.get("api/v1/buckets/copy/export", token).body());

        String mixed = "\uFEFFts;device;climate.celsius;ok\n"
                + "2026-02-01T00:00:00Z;meter;21,5;true\n"     // a comma in a cell of a semicolon file: text
                + "soon;;1;\n"
                + "\n"
                + "1769904001000;;;\n"
                + "1769904002000;a b;1;\n"
                + "1769904003000;;1\n"
                + "1769904004000;;\"two\nlines\";false\n"
                + "2026-02-01T00:00:00Z;;22;\n";                  // the same ts again: the later row wins
        report = importCsv("copy", mixed).json();
        assertEquals(3, report.getInt("stored"), report.toString());
        assertEquals(4, report.getInt("refused"));
        assertEquals(List.of("3: ts must be milliseconds since 1970 or an ISO-8601 instant such as "
                        + "2026-12-02T00:00:00Z", "5: has no values", "6: device must be a device identifier: 1 to 32 "
                        + "letters, digits, '_' or '-'", "7: has 3 cells; the header has 4"),
                report.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getInt("line") + ": " + e.getString("message")).toList());
        JsonArray imported = api.get("api/v1/buckets/copy/records?from=2026-02-01T00:00:00Z&order=oldest", token)
                .json().getJsonArray("items");
        assertEquals(json("{\"climate\":{\"celsius\":22}}"), imported.getJsonObject(0).getJsonObject("value"));
        assertFalse(imported.getJsonObject(0).containsKey("device"), "the later row had no device");
        assertEquals(json("{\"climate\":{\"celsius\":\"two\\nlines\"},\"ok\":false}"),
                imported.getJsonObject(1).getJsonObject("value"));

        assertEquals(List.of("header"), importCsv("copy", "time,value\n1,2\n").errorFields());
        importCsv("copy", "ts,a\n1,\"never ends\n").assertProblem(400, "invalid-input");
        RawHttp.Reply tooLarge = RawHttp.exchange(base.toURI(), "127.0.0.1", "POST " + base.getPath() + "api/v1/buckets/copy/import "
                + "HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\nContent-Type: text/csv\r\nContent-Length: "
                + (65L * 1024 * 1024), null);
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertTrue(tooLarge.body().contains("nothing was stored"), tooLarge.body());
        assertEquals(415, api.send(api.request("api/v1/buckets/copy/import", token).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))).status());

        // Clearing deletes a range, or everything, in chunks.
        JsonObject cleared = api.delete("api/v1/buckets/big/records?from=" + (start + 5_000_000L), token).json();
        assertEquals(total - 5000, cleared.getInt("deleted"));
        assertEquals(5000, api.get("api/v1/buckets/big", token).json().getInt("records"));
        assertEquals(5000, api.delete("api/v1/buckets/big/records", token).json().getInt("deleted"));
        assertEquals(0, api.get("api/v1/buckets/big", token).json().getInt("records"));
        assertEquals(List.of("from"), api.delete("api/v1/buckets/big/records?from=5&to=5", token).errorFields());
    }

    private Api.Reply importCsv(String bucket, String csv) {
        return api.send(api.request("api/v1/buckets/" + bucket + "/import", token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    /** Polls {@code read} (every 200 ms, for up to 15 s) until {@code done} holds; returns what it read then. */
    private static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done,
                                    String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": still " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = read.get();
        }
        return last;
    }

    @Test
    void accountsNeverTouchEachOthersBucketsAndScopesCount() {
        api.post("api/v1/buckets", token, "{\"identifier\":\"mine\",\"source\":{\"type\":\"api\"}}");
        api.post("api/v1/buckets/mine/records", token, "{\"value\":{\"secret\":1}}");
        String otherName = Names.unique("other");
        SignUpForm.account(base, otherName);
        String other = api.accessToken(otherName, SignUpForm.PASSWORD);
        Api.Reply theirs = api.get("api/v1/buckets/mine", other).assertProblem(404, "bucket-not-found");
        assertEquals(api.get("api/v1/buckets/never", other).detail().replace("never", "mine"), theirs.detail(),
                "another account's bucket is answered exactly like one that does not exist");
        api.get("api/v1/buckets/mine/records", other).assertProblem(404, "bucket-not-found");
        api.post("api/v1/buckets/mine/records", other, "{\"value\":1}").assertProblem(404, "bucket-not-found");
        api.patch("api/v1/buckets/mine", other, "{\"enabled\":false}").assertProblem(404, "bucket-not-found");
        api.delete("api/v1/buckets/mine", other).assertProblem(404, "bucket-not-found");
        api.get("api/v1/buckets/mine/export", other).assertProblem(404, "bucket-not-found");
        api.get("api/v1/buckets/mine/aggregate", other).assertProblem(404, "bucket-not-found");
        api.get("api/v1/buckets/mine/fields", other).assertProblem(404, "bucket-not-found");
        api.delete("api/v1/buckets/mine/records", other).assertProblem(404, "bucket-not-found");
        api.send(api.request("api/v1/buckets/mine/import", other).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("ts,a\n1,2\n"))).assertProblem(404, "bucket-not-found");
        assertEquals(0, api.get("api/v1/buckets", other).json().getInt("total"));
        assertEquals(201, api.post("api/v1/buckets", other, "{\"identifier\":\"mine\",\"source\":{\"type\":"
                + "\"api\"}}").status(), "identifiers are per account");
        assertEquals(1, api.get("api/v1/buckets/mine", token).json().getInt("records"), "untouched");

        String reader = api.apiToken(token, "{\"name\":\"r\",\"scopes\":[\"buckets:read\"]}");
        assertEquals(200, api.get("api/v1/buckets/mine/records", reader).status());
        api.post("api/v1/buckets/mine/records", reader, "{\"value\":1}").assertProblem(403, "insufficient-scope");
        assertEquals(200, api.get("api/v1/buckets/mine/export", reader).status());
        api.delete("api/v1/buckets/mine/records", reader).assertProblem(403, "insufficient-scope");
        api.send(api.request("api/v1/buckets/mine/import", reader).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("ts,a\n1,2\n"))).assertProblem(403, "insufficient-scope");
        api.post("api/v1/buckets", reader, "{\"identifier\":\"n\",\"source\":{\"type\":\"api\"}}")
                .assertProblem(403, "insufficient-scope");
        String devicesOnly = api.apiToken(token, "{\"name\":\"d\",\"scopes\":[\"devices:read\"]}");
        api.get("api/v1/buckets", devicesOnly).assertProblem(403, "insufficient-scope");
        api.register(token, "d1");
        String limited = api.apiToken(token, "{\"name\":\"l\",\"scopes\":[\"buckets:read\"],\"device\":\"d1\"}");
        api.get("api/v1/buckets/mine", limited).assertProblem(403, "token-restricted");
        api.get("api/v1/buckets/mine/export", limited).assertProblem(403, "token-restricted");
        assertNull(api.get("api/v1/buckets/mine", token).json().getJsonObject("sampling"));
    }
}
