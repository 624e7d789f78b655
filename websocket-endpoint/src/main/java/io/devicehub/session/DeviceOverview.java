package io.devicehub.session;

import io.devicehub.common.Page;
import io.devicehub.device.Device;
import io.devicehub.device.DeviceQuery;
import io.devicehub.device.Devices;
import io.devicehub.device.IdentifierFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * An account's devices as people look at them: what the registry stores, joined with what the live sessions know
 * right now. Both the console and the REST API list devices through here, so "online" means the same everywhere.
 */
@ApplicationScoped
public class DeviceOverview {

    /** Which devices to show by connection. */
    public enum Presence {
        ANY, ONLINE, OFFLINE
    }

    @Inject
    Devices devices;

    @Inject
    LiveSessions sessions;

    /** One page of the account's devices, filtered by text and presence, each with its live figures if online. */
    public Page<DeviceView> list(long accountId, DeviceQuery query, Presence presence) {
        return devices.list(accountId, query.restrictedTo(filter(accountId, presence))).map(this::view);
    }

    public long count(long accountId, String text, Presence presence) {
        return devices.count(accountId, text, filter(accountId, presence));
    }

    public long onlineCount(long accountId) {
        return sessions.onlineCount(accountId);
    }

    /** The device's live session, from memory alone: the fast path for calls to online devices. */
    public Optional<LiveSession> liveSession(long accountId, String identifier) {
        return sessions.find(accountId, identifier);
    }

    public Optional<DeviceView> find(long accountId, String identifier) {
        return devices.find(accountId, identifier).map(this::view);
    }

    private DeviceView view(Device device) {
        return new DeviceView(device, sessions.find(device.getAccountId(), device.getIdentifier()).orElse(null));
    }

    private IdentifierFilter filter(long accountId, Presence presence) {
        return switch (presence) {
            case ANY -> null;
            case ONLINE -> IdentifierFilter.among(sessions.onlineIdentifiers(accountId));
            case OFFLINE -> IdentifierFilter.except(sessions.onlineIdentifiers(accountId));
        };
    }
}
