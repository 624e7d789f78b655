package io.devicehub.device;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Duration;
import java.time.Instant;

/**
 * The summary of a device's most recent finished connection: when, from where, how it ended and what went over it.
 * Written once when the connection ends; a live connection's figures come from its session.
 */
@Embeddable
public class LastConnection {

    @Column(name = "last_connected_at")
    private Instant connectedAt;

    @Column(name = "last_disconnected_at")
    private Instant disconnectedAt;

    @Column(name = "last_remote_address", length = 64)
    private String remoteAddress;

    @Column(name = "last_close_reason")
    private String closeReason;

    @Column(name = "last_bytes_received")
    private Long bytesReceived;

    @Column(name = "last_bytes_sent")
    private Long bytesSent;

    @Column(name = "last_messages_received")
    private Long messagesReceived;

    @Column(name = "last_messages_sent")
    private Long messagesSent;

    @Column(name = "last_calls")
    private Long calls;

    public Instant getConnectedAt() {
        return connectedAt;
    }

    public Instant getDisconnectedAt() {
        return disconnectedAt;
    }

    public Duration getDuration() {
        return connectedAt == null || disconnectedAt == null ? Duration.ZERO : Duration.between(connectedAt, disconnectedAt);
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public long getBytesReceived() {
        return bytesReceived == null ? 0 : bytesReceived;
    }

    public long getBytesSent() {
        return bytesSent == null ? 0 : bytesSent;
    }

    public long getMessagesReceived() {
        return messagesReceived == null ? 0 : messagesReceived;
    }

    public long getMessagesSent() {
        return messagesSent == null ? 0 : messagesSent;
    }

    public long getCalls() {
        return calls == null ? 0 : calls;
    }
}
