package io.devicehub.console.devices;

import io.devicehub.common.DeviceHubException;
import io.devicehub.common.InvalidInputException;
import io.devicehub.console.Messages;
import io.devicehub.console.account.CurrentAccount;
import io.devicehub.credential.RandomCredential;
import io.devicehub.device.Devices;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The "rotate credentials" dialog of the devices list. Request-scoped like the Add Device form: the new credential
 * exists only in the request that sets it, is shown once in that response, and is then only a hash. A connected
 * device is disconnected and must use the new credential.
 */
@Named
@RequestScoped
public class RotateCredentialForm {

    static final String FORM = "rotate";

    @Inject
    Devices devices;

    @Inject
    CurrentAccount account;

    private String identifier;
    private String credential;
    private boolean rotated;

    public void generate() {
        credential = RandomCredential.generate();
    }

    public void rotate() {
        try {
            devices.rotateCredential(account.id(), identifier, credential);
            rotated = true;
        } catch (InvalidInputException invalid) {
            Messages.fieldErrors(FORM, invalid);
        } catch (DeviceHubException | EJBException failed) {
            Messages.error(DeviceListPage.why(failed));
        }
    }

    /** Whether this response carries a newly set credential (shown once). */
    public boolean isRotated() {
        return rotated;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getCredential() {
        return credential;
    }

    public void setCredential(String credential) {
        this.credential = credential;
    }
}
