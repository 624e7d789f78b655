package io.devicehub.session;

import java.time.Instant;

/** A device authenticated and is online. */
public record DeviceConnected(long accountId, String identifier, Instant at, String remoteAddress) {
}
