package io.devicehub.api.devices;

import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import io.devicehub.session.DeviceOverview.Presence;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A fleet call's body: what each member means, its defaults, and every way it can be wrong, named by field. */
class FleetCallRequestTest {

    @Test
    void namedDevicesWithAnInputAndATimeout() {
        FleetCallRequest request = parse("{\"resource\": \"led\", \"input\": {\"on\": true}, \"devices\": [\"a\", "
                + "\"b-2\"], \"timeout\": 2500}");
        assertEquals("led", request.resource());
        assertEquals(Json.createObjectBuilder().add("on", true).build(), request.input());
        assertEquals(List.of("a", "b-2"), request.devices());
        assertEquals(Duration.ofMillis(2500), request.timeout());
        assertEquals(Duration.ofMillis(1500), parse("{\"resource\": \"x\", \"devices\": [\"a\"], \"timeout\": "
                + "\"PT1.5S\"}").timeout());
    }

    @Test
    void anInputMemberIsAnInputEvenWhenItIsNullAndAbsentMeansNone() {
        assertEquals(JsonValue.NULL, parse("{\"resource\": \"x\", \"input\": null, \"devices\": [\"a\"]}").input());
        FleetCallRequest none = parse("{\"resource\": \"x\", \"devices\": [\"a\"]}");
        assertNull(none.input());
        assertNull(none.timeout(), "the server's default");
    }

    @Test
    void aFilterReadsLikeTheDeviceList() {
        FleetCallRequest request = parse("{\"resource\": \"x\", \"filter\": {\"q\": \"green\", \"status\": "
                + "\"ONLINE\"}}");
        assertNull(request.devices());
        assertEquals("green", request.q());
        assertEquals(Presence.ONLINE, request.status());
        FleetCallRequest everything = parse("{\"resource\": \"x\", \"filter\": {}}");
        assertNull(everything.q());
        assertEquals(Presence.ANY, everything.status());
    }

    @Test
    void everyWrongMemberIsNamed() {
        assertEquals(List.of("devices", "resource"), fields("{}"));
        assertEquals(List.of("filter"), fields("{\"resource\": \"x\", \"devices\": [\"a\"], \"filter\": {}}"));
        assertEquals(List.of("devices"), fields("{\"resource\": \"x\", \"devices\": []}"));
        assertEquals(List.of("devices"), fields("{\"resource\": \"x\", \"devices\": \"a\"}"));
        assertEquals(List.of("devices[1]", "devices[2]"), fields("{\"resource\": \"x\", \"devices\": [\"a\", \"a\", "
                + "\"no spaces\"]}"));
        assertEquals(List.of("filter.q", "filter.state", "filter.status"), fields("{\"resource\": \"x\", \"filter\": "
                + "{\"q\": \"" + "q".repeat(101) + "\", \"status\": \"asleep\", \"state\": 1}}"));
        assertEquals(List.of("timeout"), fields("{\"resource\": \"x\", \"devices\": [\"a\"], \"timeout\": 0}"));
        assertEquals(List.of("timeout"), fields("{\"resource\": \"x\", \"devices\": [\"a\"], \"timeout\": 1.5}"));
        assertEquals(List.of("timeout"), fields("{\"resource\": \"x\", \"devices\": [\"a\"], \"timeout\": "
                + "\"PT61S\"}"));
        assertEquals(List.of("resource", "target"), fields("{\"resource\": \" \", \"devices\": [\"a\"], "
                + "\"target\": 1}"));
    }

    @Test
    void atMostTenThousandDevicesAndTenErrorsAboutThem() {
        String tenThousand = IntStream.range(0, 10_000).mapToObj(i -> "\"d" + i + "\"")
                .collect(Collectors.joining(","));
        assertEquals(10_000, parse("{\"resource\": \"x\", \"devices\": [" + tenThousand + "]}").devices().size());
        assertEquals(List.of("devices"), fields("{\"resource\": \"x\", \"devices\": [" + tenThousand + ", \"one\"]}"));

        String wrong = IntStream.range(0, 25).mapToObj(i -> "\"bad id\"").collect(Collectors.joining(","));
        List<FieldError> errors = errors("{\"resource\": \"x\", \"devices\": [" + wrong + "]}");
        assertEquals(11, errors.size());
        assertEquals("has 15 more wrong identifiers", errors.get(0).message());
    }

    private static FleetCallRequest parse(String json) {
        return FleetCallRequest.parse(object(json));
    }

    private static List<String> fields(String json) {
        return errors(json).stream().map(FieldError::field).distinct().toList();
    }

    private static List<FieldError> errors(String json) {
        return assertThrows(InvalidInputException.class, () -> parse(json)).errors();
    }

    private static JsonObject object(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
