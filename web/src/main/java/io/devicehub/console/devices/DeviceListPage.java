package io.devicehub.console.devices;

import io.devicehub.common.DeviceHubException;
import io.devicehub.common.InvalidInputException;
import io.devicehub.console.Messages;
import io.devicehub.console.account.CurrentAccount;
import io.devicehub.device.Device;
import io.devicehub.device.Devices;
import io.devicehub.session.DeviceOverview;
import io.devicehub.session.DeviceOverview.Presence;
import io.devicehub.session.DeviceView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;

/**
 * Backs {@code devices/index.xhtml}: the account's devices with their live status, paged, sorted and filtered in
 * the database, refreshed through Faces push; and the row actions (describe, enable/disable, delete). Rotating
 * credentials has its own request-scoped form ({@link RotateCredentialForm}) so the new secret never enters the view.
 */
@Named
@ViewScoped
public class DeviceListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeviceOverview overview;

    @Inject
    Devices devices;

    @Inject
    CurrentAccount account;

    private DeviceTableModel model;
    private Presence presence = Presence.ANY;
    private String search;
    private String editing;
    private String description;

    @PostConstruct
    void init() {
        model = new DeviceTableModel(overview, account.id());
    }

    public DeviceTableModel getModel() {
        return model;
    }

    public long getTotal() {
        return devices.count(account.id(), null);
    }

    public long getOnline() {
        return overview.onlineCount(account.id());
    }

    /** Whether the account has no devices at all (not merely none matching a filter). */
    public boolean isWithoutDevices() {
        return getTotal() == 0;
    }

    public String descriptionOf(DeviceView view) {
        String text = view.device().getDescription();
        return text == null ? "" : text;
    }

    /** When the device came online (epoch ms, for the ticking clock), or {@code null} when offline. */
    public Long onlineSince(DeviceView view) {
        return view.online() ? view.statistics().connectedSince().toEpochMilli() : null;
    }

    /** When an offline device was last seen, or {@code null} when it never connected. */
    public Instant lastSeen(DeviceView view) {
        Device device = view.device();
        return device.getLastConnection() == null ? null : device.getLastConnection().getDisconnectedAt();
    }

    /** Bytes the device sent ("up"): in this session when online, in its last session when not. */
    public long bytesUp(DeviceView view) {
        if (view.online()) {
            return view.statistics().bytesReceived();
        }
        return view.device().getLastConnection() == null ? 0 : view.device().getLastConnection().getBytesReceived();
    }

    /** Bytes sent to the device ("down"), likewise. */
    public long bytesDown(DeviceView view) {
        if (view.online()) {
            return view.statistics().bytesSent();
        }
        return view.device().getLastConnection() == null ? 0 : view.device().getLastConnection().getBytesSent();
    }

    public String remoteAddress(DeviceView view) {
        if (view.online()) {
            return view.statistics().remoteAddress();
        }
        return view.device().getLastConnection() == null ? "" : view.device().getLastConnection().getRemoteAddress();
    }

    /** Opens the description editor for a device. */
    public void edit(String identifier) {
        devices.find(account.id(), identifier).ifPresent(device -> {
            editing = identifier;
            description = device.getDescription();
        });
    }

    public void saveDescription() {
        try {
            devices.describe(account.id(), editing, description);
            Messages.info("Description of " + editing + " saved.");
        } catch (InvalidInputException invalid) {
            Messages.fieldErrors("describe", invalid);
        } catch (DeviceHubException | EJBException failed) {
            Messages.error(why(failed));
        }
    }

    public void toggleEnabled(String identifier, boolean enable) {
        try {
            devices.setEnabled(account.id(), identifier, enable);
            Messages.info(enable ? identifier + " is enabled and may connect."
                    : identifier + " is disabled: it cannot connect, and its session was closed.");
        } catch (DeviceHubException | EJBException failed) {
            Messages.error(why(failed));
        }
    }

    /** Deletes a device; after the last one the page reloads to show how to start again. */
    public String delete(String identifier) {
        try {
            devices.delete(account.id(), identifier);
        } catch (DeviceHubException | EJBException failed) {
            Messages.error(why(failed));
            return null;
        }
        if (isWithoutDevices()) {
            Messages.infoAfterRedirect("Device " + identifier + " deleted.");
            return "/devices/index?faces-redirect=true";
        }
        Messages.info("Device " + identifier + " deleted.");
        return null;
    }

    static String why(RuntimeException failed) {
        return failed instanceof DeviceHubException ? failed.getMessage()
                : "The device was changed at the same time. Please try again.";
    }

    public String getSearch() {
        return search;
    }

    /** The text to look for in identifiers and descriptions. */
    public void setSearch(String search) {
        this.search = search == null || search.length() <= 100 ? search : search.substring(0, 100);
        model.search(this.search);
    }

    public Presence getPresence() {
        return presence;
    }

    public void setPresence(Presence presence) {
        this.presence = presence == null ? Presence.ANY : presence;
        model.show(this.presence);
    }

    public Presence[] getPresences() {
        return Presence.values();
    }

    public String getEditing() {
        return editing;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
