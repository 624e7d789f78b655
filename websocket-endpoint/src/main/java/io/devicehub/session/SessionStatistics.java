package io.devicehub.session;

import java.time.Instant;

/**
 * A live session's figures at one moment. Bytes count whole WebSocket frames, headers included, in each direction.
 */
public record SessionStatistics(
        Instant connectedSince,
        Instant lastActivity,
        String remoteAddress,
        long bytesReceived,
        long bytesSent,
        long messagesReceived,
        long messagesSent,
        long calls) {
}
