package io.devicehub.protocol;

import io.devicehub.vocabulary.ResourceKind;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InboundCodecTest {

    @Test
    void anAuthIsReadAndNeverShowsItsCredential() throws ProtocolViolation {
        Inbound auth = InboundCodec.decode("{\"type\":\"auth\",\"account\":\"alice\",\"device\":\"pump\","
                + "\"credential\":\"s3cret-value\"}");
        assertEquals(new Inbound.Auth("alice", "pump", "s3cret-value"), auth);
        assertTrue(!auth.toString().contains("s3cret-value"));
    }

    @Test
    void aDescriptionKeepsKindsExamplesAndSchemas() throws ProtocolViolation {
        Inbound.Describe describe = (Inbound.Describe) InboundCodec.decode("{\"type\":\"describe\",\"resources\":["
                + "{\"name\":\"led\",\"kind\":\"input\",\"input\":{\"example\":true}},"
                + "{\"name\":\"t\",\"kind\":\"output\",\"output\":{\"schema\":{\"type\":\"number\"}},"
                + "\"description\":\"temperature\"},{\"name\":\"io\",\"kind\":\"input/output\"},"
                + "{\"name\":\"go\",\"kind\":\"run\"}]}");
        assertEquals(4, describe.resources().size());
        assertEquals(ResourceKind.INPUT, describe.resources().get(0).kind());
        assertEquals(JsonValue.TRUE, describe.resources().get(0).inputExample());
        assertEquals("temperature", describe.resources().get(1).description());
        assertNull(describe.resources().get(1).outputExample());
        assertEquals(ResourceKind.INPUT_OUTPUT, describe.resources().get(2).kind());
        assertEquals(ResourceKind.RUN, describe.resources().get(3).kind());
    }

    @Test
    void resultsErrorsDataAndPingsAreRead() throws ProtocolViolation {
        assertEquals(new Inbound.Result("c1", Json.createValue(21.5)),
                InboundCodec.decode("{\"type\":\"result\",\"id\":\"c1\",\"output\":21.5}"));
        assertEquals(new Inbound.Result("c2", null), InboundCodec.decode("{\"type\":\"result\",\"id\":\"c2\"}"));
        assertEquals(new Inbound.CallFailed("c3", "busy"),
                InboundCodec.decode("{\"type\":\"error\",\"id\":\"c3\",\"message\":\"busy\"}"));
        assertEquals(new Inbound.Data("climate", Json.createValue(1), Instant.parse("2026-01-01T00:00:00Z"), null),
                InboundCodec.decode("{\"type\":\"data\",\"bucket\":\"climate\",\"value\":1,"
                        + "\"ts\":\"2026-01-01T00:00:00Z\"}"));
        assertEquals(new Inbound.Data("climate", Json.createValue(2), Instant.ofEpochMilli(1764633600000L), "d-7"),
                InboundCodec.decode("{\"type\":\"data\",\"bucket\":\"climate\",\"value\":2,"
                        + "\"ts\":1764633600000,\"id\":\"d-7\"}"));
        assertInstanceOf(Inbound.Ping.class, InboundCodec.decode("{\"type\":\"ping\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json|malformed",
            "[]|malformed",
            "{}|malformed",
            "{\"type\":1}|malformed",
            "{\"type\":\"hello\"}|unknown-type",
            "{\"type\":\"describe\"}|invalid-description",
            "{\"type\":\"describe\",\"resources\":[{\"name\":\"\",\"kind\":\"run\"}]}|invalid-description",
            "{\"type\":\"describe\",\"resources\":[{\"name\":\"a\",\"kind\":\"output\",\"input\":{}}]}|invalid-description",
            "{\"type\":\"describe\",\"resources\":[{\"name\":\"a\",\"kind\":\"input\",\"input\":{\"x\":1}}]}|invalid-description",
            "{\"type\":\"describe\",\"resources\":[{\"name\":\"a\",\"kind\":\"input\",\"input\":{\"schema\":1}}]}|invalid-description",
            "{\"type\":\"result\",\"id\":7}|invalid-result",
            "{\"type\":\"error\"}|invalid-result",
            "{\"type\":\"data\",\"bucket\":\"b\"}|invalid-data",
            "{\"type\":\"data\",\"bucket\":\"a/b\",\"value\":1}|invalid-data",
            "{\"type\":\"data\",\"bucket\":\"b\",\"value\":1,\"id\":7}|invalid-data",
            "{\"type\":\"data\",\"bucket\":\"b\",\"value\":1,\"ts\":1.5}|invalid-data"})
    void everyBrokenRuleIsNamed(String message, String code) {
        assertEquals(code, assertThrows(ProtocolViolation.class, () -> InboundCodec.decode(message)).code());
    }

    @Test
    void deeplyNestedJsonIsRefusedBeforeParsing() {
        ProtocolViolation deep = assertThrows(ProtocolViolation.class,
                () -> InboundCodec.decode("[".repeat(50_000)));
        assertEquals("malformed", deep.code());
        assertTrue(deep.getMessage().contains("nested deeper"));
        assertEquals(new Inbound.Result("c1", Json.createValue("[[[[{{{")),
                assertDoesNotThrow(() -> InboundCodec.decode("{\"type\":\"result\",\"id\":\"c1\",\"output\":\"[[[[{{{\"}")));
    }

    @Test
    void longNumbersAndRepeatedMembersAreMalformed() {
        assertEquals("malformed", assertThrows(ProtocolViolation.class, () -> InboundCodec.decode(
                "{\"type\":\"data\",\"bucket\":\"b\",\"value\":" + "7".repeat(1200) + "}")).code());
        assertEquals("malformed", assertThrows(ProtocolViolation.class, () -> InboundCodec.decode(
                "{\"type\":\"ping\",\"type\":\"auth\"}")).code());
    }

    @Test
    void anUnreadableAnswerStillNamesItsCall() {
        String deepOutput = "{\"type\":\"result\",\"id\":\"c7\",\"output\":" + "[".repeat(40) + "]".repeat(40) + "}";
        ProtocolViolation deep = assertThrows(ProtocolViolation.class, () -> InboundCodec.decode(deepOutput));
        assertEquals("c7", deep.id());
        String idLast = "{\"output\":{\"a\":" + "[".repeat(40) + "]".repeat(40) + "},\"type\":\"error\",\"id\":\"c8\"}";
        assertEquals("c8", assertThrows(ProtocolViolation.class, () -> InboundCodec.decode(idLast)).id());
        String truncated = "{\"type\":\"result\",\"id\":\"c9\",\"output\":[1,";
        assertEquals("c9", assertThrows(ProtocolViolation.class, () -> InboundCodec.decode(truncated)).id());
        String data = "{\"type\":\"data\",\"id\":\"c1\",\"value\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertNull(assertThrows(ProtocolViolation.class, () -> InboundCodec.decode(data)).id());
        assertNull(assertThrows(ProtocolViolation.class, () -> InboundCodec.decode("not json")).id());
    }

    @Test
    void anAuthWithMissingOrMistypedMembersIsStillAnAuthThatWillFail() throws ProtocolViolation {
        assertEquals(new Inbound.Auth(null, null, null),
                InboundCodec.decode("{\"type\":\"auth\",\"account\":1,\"device\":[]}"));
    }
}
