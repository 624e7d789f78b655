package io.devicehub.bench.websocket;

import io.devicehub.bench.DeviceNames;
import jakarta.json.Json;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * The seeded devices a benchmark connects with a {@link LightClient}: which ones, from which source addresses, and
 * how each authenticates. The shared credential is kept once, here, and put into each {@code auth} message only
 * while it is being sent.
 */
public final class DeviceFleet {

    /** Where devices connect on the server; the protocol's path. */
    public static final String PATH = "/ws/devices";

    private final String account;
    private final String credential;
    private final int first;
    private final int count;
    private final List<InetAddress> sources;

    /**
     * @param first      the index of the first seeded device to use ({@link DeviceNames})
     * @param perAddress at most this many devices per source address
     */
    public DeviceFleet(String account, String credential, int first, int count, int perAddress) {
        this.account = account;
        this.credential = credential;
        this.first = first;
        this.count = count;
        this.sources = SourceAddresses.forDevices(count, perAddress);
    }

    public int size() {
        return count;
    }

    public List<InetAddress> sources() {
        return sources;
    }

    /** One connection object per device, reused for every reconnection. */
    public LightConnection[] connections() {
        LightConnection[] connections = new LightConnection[count];
        for (int i = 0; i < count; i++) {
            connections[i] = new LightConnection(i, DeviceNames.of(first + i), SourceAddresses.of(sources, i));
        }
        return connections;
    }

    public Function<LightConnection, String> authMessages() {
        return connection -> Json.createObjectBuilder().add("type", "auth").add("account", account)
                .add("device", connection.device()).add("credential", credential).build().toString();
    }

    /** The server's address from its HTTP base URL, e.g. {@code http://127.0.0.1:18080}. */
    public static InetSocketAddress server(URI base) {
        int port = base.getPort() > 0 ? base.getPort() : 80;
        return new InetSocketAddress(base.getHost(), port);
    }
}
