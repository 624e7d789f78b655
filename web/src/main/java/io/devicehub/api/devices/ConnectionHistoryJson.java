package io.devicehub.api.devices;

import io.devicehub.device.ConnectionEvent;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A device's recent connects and disconnects, newest first. */
@Schema(name = "ConnectionHistory", properties = {
        @SchemaProperty(name = "device", example = "greenhouse-1")})
@JsonbPropertyOrder({"device", "items"})
public record ConnectionHistoryJson(String device, List<Event> items) {

    static ConnectionHistoryJson of(String device, List<ConnectionEvent> events) {
        return new ConnectionHistoryJson(device, events.stream()
                .map(e -> new Event(e.getKind().name().toLowerCase(Locale.ROOT), e.getOccurredAt(),
                        e.getRemoteAddress(), e.getReason()))
                .toList());
    }

    /** One connect or disconnect. */
    @Schema(name = "ConnectionEvent", properties = {
            @SchemaProperty(name = "at", type = SchemaType.STRING, format = "date-time"),
            @SchemaProperty(name = "event", enumeration = {"connected", "disconnected"}),
            @SchemaProperty(name = "remoteAddress", example = "203.0.113.7"),
            @SchemaProperty(name = "reason", description = "Why it disconnected.", example = "normal closure")})
    @JsonbPropertyOrder({"event", "at", "remoteAddress", "reason"})
    public record Event(String event, Instant at, String remoteAddress, String reason) {
    }
}
