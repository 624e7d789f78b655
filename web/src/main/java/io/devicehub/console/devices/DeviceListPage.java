package io.devicehub.console.devices;

import io.devicehub.console.account.CurrentAccount;
import io.devicehub.device.Device;
import io.devicehub.device.Devices;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** Backs {@code devices/index.xhtml}: the account's devices, paged, sorted and filtered in the database. */
@Named
@ViewScoped
public class DeviceListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Devices devices;

    @Inject
    CurrentAccount account;

    private DeviceTableModel model;

    @PostConstruct
    void init() {
        model = new DeviceTableModel(devices, account.id());
    }

    public DeviceTableModel getModel() {
        return model;
    }

    public long getTotal() {
        return devices.count(account.id(), null);
    }

    /** Whether the account has no devices at all (not merely none matching a filter). */
    public boolean isWithoutDevices() {
        return getTotal() == 0;
    }

    public String descriptionOf(Device device) {
        return device.getDescription() == null ? "" : device.getDescription();
    }
}
