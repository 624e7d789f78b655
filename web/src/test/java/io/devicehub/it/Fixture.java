package io.devicehub.it;

import io.devicehub.account.Accounts;
import io.devicehub.account.SignUp;
import io.devicehub.device.DeviceRegistration;
import io.devicehub.device.Devices;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;

/**
 * Accounts and devices for in-container tests, made through the real boundaries, and the address of the device
 * endpoint of the server the test runs in.
 */
public final class Fixture {

    public static final String CREDENTIAL = "a device credential";

    /** An account with one registered device. */
    public record Registered(String account, long accountId, String device, String credential) {
    }

    private final Accounts accounts;
    private final Devices devices;

    public Fixture(Accounts accounts, Devices devices) {
        this.accounts = accounts;
        this.devices = devices;
    }

    public Registered device() {
        String username = Names.unique("dev");
        long accountId = accounts.signUp(new SignUp(username, username + "@example.com", "a long password")).getId();
        return device(username, accountId, "sensor");
    }

    /** Another device of the same account. */
    public Registered device(String account, long accountId, String identifier) {
        devices.register(accountId, new DeviceRegistration(identifier, "test device", CREDENTIAL));
        return new Registered(account, accountId, identifier, CREDENTIAL);
    }

    /** The device endpoint of this server, as seen from inside it (the test runs within an HTTP request). */
    public static URI endpoint(HttpServletRequest request) {
        return URI.create("ws://localhost:" + request.getLocalPort() + request.getContextPath() + "/ws/devices");
    }
}
