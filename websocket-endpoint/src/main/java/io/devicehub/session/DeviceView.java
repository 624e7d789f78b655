package io.devicehub.session;

import io.devicehub.device.Device;
import io.devicehub.protocol.ResourceDescription;

import java.util.List;

/**
 * A registered device together with its live session, if it has one now.
 *
 * @param device  what the registry stores
 * @param session the live session, or {@code null} when the device is offline
 */
public record DeviceView(Device device, LiveSession session) {

    public boolean online() {
        return session != null;
    }

    /** The live figures, or {@code null} when offline. */
    public SessionStatistics statistics() {
        return session == null ? null : session.statistics();
    }

    /** The resources the device described in its current session; none when offline. */
    public List<ResourceDescription> resources() {
        return session == null ? List.of() : session.resources();
    }
}
