package io.devicehub.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line of a device's connection history: it connected, or it disconnected and why. */
@Entity
@Table(name = "device_connection")
public class ConnectionEvent {

    /** What happened. */
    public enum Kind {
        CONNECTED, DISCONNECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "device_id", nullable = false, updatable = false)
    private long deviceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event", nullable = false, updatable = false, length = 16)
    private Kind kind;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "remote_address", length = 64, updatable = false)
    private String remoteAddress;

    @Column(updatable = false)
    private String reason;

    protected ConnectionEvent() {
        // for JPA
    }

    ConnectionEvent(long deviceId, Kind kind, Instant occurredAt, String remoteAddress, String reason) {
        this.deviceId = deviceId;
        this.kind = kind;
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        this.remoteAddress = truncate(remoteAddress, 64);
        this.reason = truncate(reason, 255);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    long deviceId() {
        return deviceId;
    }

    public Kind getKind() {
        return kind;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public String getReason() {
        return reason;
    }
}
