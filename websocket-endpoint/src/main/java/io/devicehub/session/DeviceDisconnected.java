package io.devicehub.session;

import java.time.Instant;

/** A device's session ended; {@code closeCode} and {@code reason} say why (see docs/protocol.md). */
public record DeviceDisconnected(long accountId, String identifier, Instant at, int closeCode, String reason,
                                 SessionStatistics totals) {
}
