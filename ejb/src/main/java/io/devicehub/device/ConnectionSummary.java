package io.devicehub.device;

import java.time.Instant;

/** What a finished device connection amounted to; reported by the live session when it ends. */
public record ConnectionSummary(
        Instant connectedAt,
        Instant disconnectedAt,
        String remoteAddress,
        String reason,
        long bytesReceived,
        long bytesSent,
        long messagesReceived,
        long messagesSent,
        long calls) {
}
