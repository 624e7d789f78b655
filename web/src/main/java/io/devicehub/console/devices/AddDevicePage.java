package io.devicehub.console.devices;

import io.devicehub.common.AlreadyRegisteredException;
import io.devicehub.common.InvalidInputException;
import io.devicehub.console.Messages;
import io.devicehub.console.account.CurrentAccount;
import io.devicehub.credential.RandomCredential;
import io.devicehub.credential.Secret;
import io.devicehub.device.DeviceDescription;
import io.devicehub.device.DeviceIdentifier;
import io.devicehub.device.DeviceRegistration;
import io.devicehub.device.Devices;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Backs {@code devices/add.xhtml}. Request-scoped on purpose: the credential typed or generated here lives only as
 * long as the request that carries it, never in the session. After the device is added its credential exists only
 * as a hash, so the page that follows cannot show it again.
 */
@Named
@RequestScoped
public class AddDevicePage {

    static final String FORM = "add";
    static final String ALREADY_TAKEN = "You already have a device with this identifier.";

    @Inject
    Devices devices;

    @Inject
    CurrentAccount account;

    @DeviceIdentifier
    private String identifier;

    @DeviceDescription
    private String description;

    @Secret
    private String credential;

    /** Checks the identifier as it is typed: its format (by the field's rules) and that it is still free. */
    public void checkIdentifier() {
        if (devices.exists(account.id(), identifier)) {
            Messages.fieldError(FORM, "identifier", ALREADY_TAKEN);
        }
    }

    /** Fills the credential field with a strong random value for the user to copy. */
    public void generateCredential() {
        credential = RandomCredential.generate();
    }

    public String add() {
        try {
            devices.register(account.id(), new DeviceRegistration(identifier, description, credential));
        } catch (InvalidInputException invalid) {
            Messages.fieldErrors(FORM, invalid);
            return null;
        } catch (AlreadyRegisteredException taken) {
            Messages.fieldError(FORM, taken.field(), taken.getMessage());
            return null;
        }
        Messages.infoAfterRedirect("Device " + identifier + " added. Its credentials are stored hashed and will not "
                + "be shown again.");
        return "/devices/index?faces-redirect=true";
    }

    public int getCredentialMinLength() {
        return Secret.MIN;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCredential() {
        return credential;
    }

    public void setCredential(String credential) {
        this.credential = credential;
    }
}
