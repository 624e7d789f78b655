package io.devicehub.bench.websocket;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback source addresses for many connections. A connection bound to one source address can use only the
 * ephemeral port range (about 28,000 ports on Linux) towards the server, so devices are spread round-robin over
 * {@code 127.0.0.2}, {@code 127.0.0.3} … (all of 127/8 is loopback on Linux; {@code 127.0.0.1} is left to everyone
 * else on the machine).
 */
public final class SourceAddresses {

    private SourceAddresses() {
    }

    /** Enough addresses that none carries more than {@code perAddress} of {@code devices}. */
    public static List<InetAddress> forDevices(int devices, int perAddress) {
        int count = Math.max(1, (devices + perAddress - 1) / perAddress);
        if (count > 250) {
            throw new IllegalArgumentException("too many source addresses needed: " + count);
        }
        List<InetAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try {
                addresses.add(InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) (2 + i)}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return addresses;
    }

    /** The address of the device at {@code index}: round-robin, so that every address carries its share. */
    public static InetAddress of(List<InetAddress> addresses, int index) {
        return addresses.get(index % addresses.size());
    }
}
