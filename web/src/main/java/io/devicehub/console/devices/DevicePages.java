package io.devicehub.console.devices;

import io.devicehub.device.DeviceNotFoundException;
import io.devicehub.session.DeviceOverview;
import io.devicehub.session.DeviceView;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import java.io.IOException;

/** What the pages about one device share: a device the account does not have is simply "not found". */
final class DevicePages {

    private DevicePages() {
    }

    /**
     * The device and its live session, looked up once per request however often the page asks. Throws
     * {@link io.devicehub.device.DeviceNotFoundException} when it disappeared since the page was opened.
     */
    static DeviceView viewOf(DeviceOverview overview, long accountId, String identifier) {
        return (DeviceView) FacesContext.getCurrentInstance().getAttributes().computeIfAbsent(
                DevicePages.class.getName() + ":" + identifier,
                key -> overview.find(accountId, identifier).orElseThrow(() -> new DeviceNotFoundException(identifier)));
    }

    /**
     * Answers 404 (the not-found page) when the account has no such device; the same for another account's device,
     * so that its existence is never revealed.
     *
     * @return {@code true} when the page was refused
     */
    static boolean refuseUnknown(DeviceOverview overview, long accountId, String identifier) throws IOException {
        if (identifier != null && overview.find(accountId, identifier).isPresent()) {
            return false;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.responseSendError(404, "Not found");
        FacesContext.getCurrentInstance().responseComplete();
        return true;
    }
}
