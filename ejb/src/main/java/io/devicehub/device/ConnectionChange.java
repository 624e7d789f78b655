package io.devicehub.device;

import java.time.Instant;

/** A device's connection began or ended: what {@link DeviceConnections#record} writes to its history. */
public sealed interface ConnectionChange {

    long deviceId();

    /** The device came online. */
    record Connected(long deviceId, Instant at, String remoteAddress) implements ConnectionChange {
    }

    /** The device's connection ended; {@code summary} becomes its "last connection". */
    record Disconnected(long deviceId, ConnectionSummary summary) implements ConnectionChange {
    }
}
