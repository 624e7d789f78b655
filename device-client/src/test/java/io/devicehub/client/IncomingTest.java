package io.devicehub.client;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;

import static io.devicehub.client.TestJson.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IncomingTest {

    @Test
    void welcomeGivesTheHeartbeatAndTheFrameLimit() {
        assertEquals(new Incoming.Welcome("greenhouse-1", Duration.ofSeconds(30), 65536), Incoming.parse(
                "{\"type\":\"welcome\",\"device\":\"greenhouse-1\",\"heartbeat\":30,\"maxFrameBytes\":65536}"));
    }

    @Test
    void aWelcomeWithoutHeartbeatOrFrameLimitGetsTheProtocolsDefaults() {
        assertEquals(new Incoming.Welcome(null, Duration.ofSeconds(30), 65536),
                Incoming.parse("{\"type\":\"welcome\",\"heartbeat\":0,\"maxFrameBytes\":\"big\"}"));
    }

    @Test
    void aCallCarriesItsInputWhenItHasOne() {
        assertEquals(new Incoming.Call("c7f3a9-1", "led", JsonValue.FALSE),
                Incoming.parse("{\"type\": \"call\", \"id\": \"c7f3a9-1\", \"resource\": \"led\", \"input\": false}"));
        assertEquals(new Incoming.Call("c1-3", "echo", value("{\"any\":[\"json\",1,true]}")), Incoming.parse(
                "{\"type\":\"call\",\"id\":\"c1-3\",\"resource\":\"echo\",\"input\":{\"any\":[\"json\",1,true]}}"));
    }

    @Test
    void aCallWithoutInputHasNone() {
        Incoming.Call call = (Incoming.Call) Incoming.parse(
                "{\"type\": \"call\", \"id\": \"c7f3a9-2\", \"resource\": \"temperature\"}");
        assertNull(call.input());
    }

    @Test
    void aCallWithoutAnIdCannotBeAnsweredAndIsMalformed() {
        assertThrows(IllegalArgumentException.class,
                () -> Incoming.parse("{\"type\": \"call\", \"resource\": \"temperature\"}"));
    }

    @Test
    void anErrorCarriesCodeMessageAndRetryAfter() {
        assertEquals(new Incoming.ServerError("too-many-attempts", "Slow down.", null,
                        Optional.of(Duration.ofSeconds(8))),
                Incoming.parse("{\"type\": \"error\", \"code\": \"too-many-attempts\", \"message\": \"Slow down.\","
                        + " \"retryAfter\": 8}"));
        assertEquals(new Incoming.ServerError("unknown-call", null, "c1-9", Optional.empty()),
                Incoming.parse("{\"type\": \"error\", \"code\": \"unknown-call\", \"id\": \"c1-9\"}"));
    }

    @Test
    void describedAndPongAreRecognised() {
        assertEquals(new Incoming.Described(4), Incoming.parse("{\"type\": \"described\", \"resources\": 4}"));
        assertEquals(new Incoming.Pong(), Incoming.parse("{\"type\": \"pong\"}"));
    }

    @Test
    void aTypeThisVersionDoesNotKnowIsKeptAsUnknown() {
        assertEquals(new Incoming.Unknown("announce"), Incoming.parse("{\"type\": \"announce\", \"x\": 1}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1, 2]", "\"text\"", "{\"kind\": \"call\"}", "{\"type\": 3}", "{\"type\""})
    void anythingButAnObjectWithAStringTypeIsMalformed(String text) {
        assertThrows(IllegalArgumentException.class, () -> Incoming.parse(text));
    }
}
