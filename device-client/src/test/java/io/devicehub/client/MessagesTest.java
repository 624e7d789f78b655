package io.devicehub.client;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.devicehub.client.TestJson.object;
import static io.devicehub.client.TestJson.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MessagesTest {

    @Test
    void authCarriesTheAccountTheDeviceAndTheCredential() {
        assertEquals(object("""
                {"type": "auth", "account": "alice", "device": "greenhouse-1", "credential": "k3Qm9TzX2fLw8RbV5nYc1HdP"}
                """), object(Messages.auth("alice", "greenhouse-1", "k3Qm9TzX2fLw8RbV5nYc1HdP")));
    }

    @Test
    void describeWritesTheResourcesOfTheProtocolsExampleExactly() {
        List<Resource> resources = List.of(
                Resource.input("led", input -> { }).example(JsonValue.TRUE),
                Resource.output("temperature", () -> null).example(value("{\"celsius\": 21.5}")),
                Resource.inputOutput("echo", input -> input).example(value("\"hello\"")),
                Resource.run("reboot", () -> { }).description("Restarts the firmware"));

        assertEquals(object("""
                {"type": "describe", "resources": [
                  {"name": "led",         "kind": "input",        "input":  {"example": true}},
                  {"name": "temperature", "kind": "output",       "output": {"example": {"celsius": 21.5}}},
                  {"name": "echo",        "kind": "input/output", "input":  {"example": "hello"}, "output": {"example": "hello"}},
                  {"name": "reboot",      "kind": "run",          "description": "Restarts the firmware"}
                ]}
                """), object(Messages.describe(resources)));
    }

    @Test
    void describeCarriesSchemasAndSeparateExamplesPerDirection() {
        Resource scale = Resource.inputOutput("scale", input -> input)
                .inputExample(value("2"))
                .outputExample(value("{\"scaled\": 4}"))
                .inputSchema(object("{\"type\": \"number\"}"))
                .outputSchema(object("{\"type\": \"object\"}"));

        assertEquals(object("""
                {"type": "describe", "resources": [{"name": "scale", "kind": "input/output",
                  "input": {"example": 2, "schema": {"type": "number"}},
                  "output": {"example": {"scaled": 4}, "schema": {"type": "object"}}}]}
                """), object(Messages.describe(List.of(scale))));
    }

    @Test
    void aResultCarriesTheOutputOnlyWhenThereIsOne() {
        assertEquals(object("{\"type\": \"result\", \"id\": \"c7f3a9-2\", \"output\": {\"celsius\": 21.7}}"),
                object(Messages.result("c7f3a9-2", value("{\"celsius\": 21.7}"))));
        assertEquals(object("{\"type\": \"result\", \"id\": \"c7f3a9-1\"}"), object(Messages.result("c7f3a9-1", null)));
    }

    @Test
    void aCallErrorCarriesTheCallsIdAndTheMessage() {
        assertEquals(object("{\"type\": \"error\", \"id\": \"c7f3a9-3\", \"message\": \"sensor not ready\"}"),
                object(Messages.callError("c7f3a9-3", "sensor not ready")));
    }

    @Test
    void dataCarriesTheTimestampAsAnIsoInstantAndTheIdOnlyWhenGiven() {
        assertEquals(object("""
                {"type": "data", "bucket": "climate", "value": {"celsius": 21.5, "humidity": 40},
                 "ts": "2026-11-26T11:30:00Z", "id": "d1"}
                """), object(Messages.data("climate", value("{\"celsius\": 21.5, \"humidity\": 40}"),
                Instant.parse("2026-11-26T11:30:00Z"), "d1")));
        assertEquals(object("{\"type\": \"data\", \"bucket\": \"climate\", \"value\": 3}"),
                object(Messages.data("climate", value("3"), null, null)));
    }

    @Test
    void aPingIsJustItsType() {
        assertEquals("{\"type\":\"ping\"}", Messages.ping());
    }
}
