package io.devicehub.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConnectionStateTest {

    @Test
    void eachStateReadsAsOneLine() {
        assertEquals("CONNECTING", ConnectionState.CONNECTING.toString());
        assertEquals("ONLINE", ConnectionState.ONLINE.toString());
        assertEquals("STOPPED 4401 authentication failed",
                ConnectionState.stopped(4401, "authentication failed").toString());
        assertEquals("OFFLINE 1013 server too busy (retry in 2.5 s)",
                ConnectionState.offline("server too busy", OptionalInt.of(1013), Duration.ofMillis(2_500)).toString());
        assertEquals("OFFLINE cannot connect: Connection refused (retry in 0.0 s)",
                ConnectionState.offline("cannot connect: Connection refused", OptionalInt.empty(), Duration.ZERO)
                        .toString());
    }
}
