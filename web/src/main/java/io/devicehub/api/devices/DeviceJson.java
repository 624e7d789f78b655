package io.devicehub.api.devices;

import io.devicehub.device.Device;
import io.devicehub.device.LastConnection;
import io.devicehub.session.DeviceView;
import io.devicehub.session.SessionStatistics;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;

/** A device as the API shows it: what the registry stores, and its live session when it is online. */
@Schema(name = "Device", properties = {
        @SchemaProperty(name = "credentialChangedAt", type = SchemaType.STRING, format = "date-time"),
        @SchemaProperty(name = "createdAt", type = SchemaType.STRING, format = "date-time"),
        @SchemaProperty(name = "identifier", example = "greenhouse-1"),
        @SchemaProperty(name = "description", description = "Absent when there is none.",
                example = "Greenhouse climate sensor"),
        @SchemaProperty(name = "enabled", description = "A disabled device cannot connect."),
        @SchemaProperty(name = "online", description = "Whether the device is connected now."),
        @SchemaProperty(name = "session", description = "The live session's figures; only while online."),
        @SchemaProperty(name = "lastConnection",
                description = "The last finished connection; absent when it never disconnected."),
        @SchemaProperty(name = "credential",
                description = "Only in the answer that generated it, once: copy it into the device now.")})
@JsonbPropertyOrder({"identifier", "description", "enabled", "online", "createdAt", "credentialChangedAt", "session",
        "lastConnection", "credential"})
public record DeviceJson(String identifier, String description, boolean enabled, boolean online, Instant createdAt,
        Instant credentialChangedAt, Session session, LastConnectionJson lastConnection, String credential) {

    static DeviceJson of(DeviceView view) {
        return of(view.device(), view.statistics());
    }

    static DeviceJson of(Device device, SessionStatistics live) {
        return new DeviceJson(device.getIdentifier(), device.getDescription(), device.isEnabled(), live != null,
                device.getCreatedAt(), device.getCredentialChangedAt(), live == null ? null : Session.of(live),
                LastConnectionJson.of(device.getLastConnection()), null);
    }

    DeviceJson withCredential(String generated) {
        return new DeviceJson(identifier, description, enabled, online, createdAt, credentialChangedAt, session,
                lastConnection, generated);
    }

    @Override
    public String toString() {
        return "DeviceJson[identifier=" + identifier + ", credential=<hidden>]";
    }

    /** A live session's figures; bytes count whole WebSocket frames, headers included. */
    @Schema(name = "Session", properties = {
            @SchemaProperty(name = "lastActivity", type = SchemaType.STRING, format = "date-time"),
            @SchemaProperty(name = "connectedSince", type = SchemaType.STRING, format = "date-time"),
            @SchemaProperty(name = "remoteAddress", example = "203.0.113.7")})
    @JsonbPropertyOrder({"connectedSince", "lastActivity", "remoteAddress", "bytesReceived", "bytesSent",
            "messagesReceived", "messagesSent", "calls"})
    public record Session(Instant connectedSince, Instant lastActivity, String remoteAddress, long bytesReceived,
            long bytesSent, long messagesReceived, long messagesSent, long calls) {

        static Session of(SessionStatistics live) {
            return new Session(live.connectedSince(), live.lastActivity(), live.remoteAddress(), live.bytesReceived(),
                    live.bytesSent(), live.messagesReceived(), live.messagesSent(), live.calls());
        }
    }

    /** The summary of the device's last finished connection. */
    @Schema(name = "LastConnection", properties = {
            @SchemaProperty(name = "disconnectedAt", type = SchemaType.STRING, format = "date-time"),
            @SchemaProperty(name = "connectedAt", type = SchemaType.STRING, format = "date-time"),
            @SchemaProperty(name = "reason", example = "credentials rotated")})
    @JsonbPropertyOrder({"connectedAt", "disconnectedAt", "remoteAddress", "reason", "bytesReceived", "bytesSent",
            "messagesReceived", "messagesSent", "calls"})
    public record LastConnectionJson(Instant connectedAt, Instant disconnectedAt, String remoteAddress, String reason,
            long bytesReceived, long bytesSent, long messagesReceived, long messagesSent, long calls) {

        static LastConnectionJson of(LastConnection last) {
            return last == null ? null : new LastConnectionJson(last.getConnectedAt(), last.getDisconnectedAt(),
                    last.getRemoteAddress(), last.getCloseReason(), last.getBytesReceived(), last.getBytesSent(),
                    last.getMessagesReceived(), last.getMessagesSent(), last.getCalls());
        }
    }
}
