package io.devicehub.console.devices;

import io.devicehub.bucket.Bucket;
import io.devicehub.bucket.Buckets;
import io.devicehub.console.account.CurrentAccount;
import io.devicehub.device.ConnectionEvent;
import io.devicehub.device.DeviceConnections;
import io.devicehub.device.LastConnection;
import io.devicehub.session.ActivitySample;
import io.devicehub.session.DeviceOverview;
import io.devicehub.session.DeviceView;
import io.devicehub.session.SessionStatistics;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code devices/dashboard.xhtml?id=…}: one device's connection status, live figures, traffic chart and
 * connection history, refreshed through Faces push. A device of another account is "not found" (404).
 */
@Named
@ViewScoped
public class DeviceDashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeviceOverview overview;

    @Inject
    DeviceConnections connections;

    @Inject
    Buckets buckets;

    @Inject
    CurrentAccount account;

    private transient List<Bucket> filled;

    private String identifier;

    /** Answers 404 when the account has no device named by the {@code id} parameter. */
    public void load() throws IOException {
        DevicePages.refuseUnknown(overview, account.id(), identifier);
    }

    public DeviceView getView() {
        return DevicePages.viewOf(overview, account.id(), identifier);
    }

    public boolean isOnline() {
        return getView().online();
    }

    public SessionStatistics getLive() {
        return getView().statistics();
    }

    public LastConnection getLast() {
        return getView().device().getLastConnection();
    }

    public List<ConnectionEvent> getHistory() {
        return connections.history(account.id(), identifier, 20);
    }

    /** The buckets the device fills: by sampling one of its resources, or taking its data messages. */
    public List<Bucket> getBuckets() {
        if (filled == null) {
            filled = buckets.filledBy(account.id(), identifier);
        }
        return filled;
    }

    /** The traffic chart's Chart.js configuration. */
    public String getActivityChart() {
        List<ActivitySample> samples = isOnline() ? getView().session().activity() : List.of();
        return ActivityChart.of(samples);
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }
}
