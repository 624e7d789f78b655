package io.devicehub.session;

import java.time.Instant;

/** What moved over a session during one second. */
public record ActivitySample(Instant second, long bytesReceived, long bytesSent, long messagesReceived,
                             long messagesSent) {
}
