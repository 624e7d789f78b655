package io.devicehub.bench.websocket;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceAddressesTest {

    @Test
    void enoughLoopbackAddressesFromTwoUpThatNoneCarriesMoreThanItsShare() {
        List<InetAddress> addresses = SourceAddresses.forDevices(50_000, 20_000);

        assertEquals(3, addresses.size());
        assertEquals("127.0.0.2", addresses.get(0).getHostAddress());
        assertEquals("127.0.0.4", addresses.get(2).getHostAddress());
        assertEquals(1, SourceAddresses.forDevices(1, 20_000).size());
    }

    @Test
    void devicesTakeTheAddressesInTurn() {
        List<InetAddress> addresses = SourceAddresses.forDevices(50_000, 20_000);

        assertEquals("127.0.0.2", SourceAddresses.of(addresses, 0).getHostAddress());
        assertEquals("127.0.0.3", SourceAddresses.of(addresses, 1).getHostAddress());
        assertEquals("127.0.0.2", SourceAddresses.of(addresses, 3).getHostAddress());
    }
}
