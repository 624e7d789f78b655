package io.devicehub.device;

import io.devicehub.account.Account;
import io.devicehub.credential.CredentialHashing;
import io.devicehub.credential.FailedAttempts;
import io.devicehub.credential.ServerKey;
import io.devicehub.credential.TooManyAttemptsException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks the credentials a device presents when it connects. Every failure looks the same: unknown account, unknown
 * device, disabled device and wrong credential are all simply "rejected", and cost the same.
 * <p>
 * A check has two speeds. {@link #quickCheck} compares a keyed HMAC of the credential (see {@link ServerKey}) in
 * microseconds; it decides whenever the device has such an HMAC under the current key, which is always the case
 * after registration, rotation or one successful full check. Otherwise it answers {@link Verdict.Outcome#FULL_CHECK}
 * and the caller runs {@link #fullCheck}, the PBKDF2 verification, on a bounded pool. Both are throttled per device
 * and per remote address before any work is done (see {@link FailedAttempts}).
 */
@Stateless
public class DeviceAuthentication {

    /** The answer of a quick check. */
    public record Verdict(Outcome outcome, AuthenticatedDevice device) {

        /** Accepted, rejected, or undecided until a full check. */
        public enum Outcome {
            ACCEPTED, REJECTED, FULL_CHECK
        }

        static Verdict accepted(AuthenticatedDevice device) {
            return new Verdict(Outcome.ACCEPTED, device);
        }

        static Verdict of(Outcome outcome) {
            return new Verdict(outcome, null);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ServerKey serverKey;

    @Inject
    CredentialHashing hashing;

    @Inject
    FailedAttempts failedAttempts;

    /**
     * @throws TooManyAttemptsException when checks for this device or from this address are refused for now
     */
    public Verdict quickCheck(String account, String identifier, String credential, String remoteAddress) {
        refuseWhileBlocked(account, identifier, remoteAddress);
        Optional<Device> device = find(account, identifier);
        if (device.isEmpty() || !device.get().isEnabled()) {
            serverKey.compare(null, "device-credential:0", credential); // the same cost as a real check
            return rejected(account, identifier, remoteAddress);
        }
        Device found = device.get();
        return switch (serverKey.compare(found.credentialMac(), found.macContext(), credential)) {
            case SAME -> accepted(found, account, identifier, remoteAddress);
            case DIFFERENT -> rejected(account, identifier, remoteAddress);
            case UNKNOWN -> Verdict.of(Verdict.Outcome.FULL_CHECK);
        };
    }

    /**
     * The full PBKDF2 check (about 140 ms), for devices without a current HMAC. On success the HMAC is stored, so the
     * next connection takes the quick path, and an outdated hash is replaced.
     *
     * @throws TooManyAttemptsException when checks for this device or from this address are refused for now
     */
    public Optional<AuthenticatedDevice> fullCheck(String account, String identifier, String credential,
                                                   String remoteAddress) {
        refuseWhileBlocked(account, identifier, remoteAddress);
        Optional<Device> device = find(account, identifier).filter(Device::isEnabled);
        if (!hashing.verify(credential, device.map(Device::credentialHash).orElse(null))) {
            rejected(account, identifier, remoteAddress);
            return Optional.empty();
        }
        Device found = device.orElseThrow();
        if (hashing.isOutdated(found.credentialHash())) {
            found.changeCredential(hashing.hash(credential), found.getCredentialChangedAt());
        }
        found.rememberCredentialMac(serverKey.mac(found.macContext(), credential));
        return Optional.of(accepted(found, account, identifier, remoteAddress).device());
    }

    private Optional<Device> find(String account, String identifier) {
        if (account == null || identifier == null || !identifier.matches(DeviceIdentifier.PATTERN)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT d FROM Device d, Account a WHERE a.id = d.accountId"
                        + " AND a.username = :account AND d.identifier = :identifier", Device.class)
                .setParameter("account", Account.normalize(account))
                .setParameter("identifier", identifier)
                .getResultStream().findFirst();
    }

    private void refuseWhileBlocked(String account, String identifier, String remoteAddress) {
        Duration blocked = failedAttempts.blockedFor(identity(account, identifier), remoteAddress);
        if (!blocked.isZero()) {
            throw new TooManyAttemptsException(blocked);
        }
    }

    private Verdict accepted(Device device, String account, String identifier, String remoteAddress) {
        failedAttempts.succeeded(identity(account, identifier), remoteAddress);
        return Verdict.accepted(new AuthenticatedDevice(device.getAccountId(), Account.normalize(account),
                device.getId(), device.getIdentifier()));
    }

    private Verdict rejected(String account, String identifier, String remoteAddress) {
        failedAttempts.failed(identity(account, identifier), remoteAddress);
        return Verdict.of(Verdict.Outcome.REJECTED);
    }

    private static String identity(String account, String identifier) {
        return "device:" + Account.normalize(account) + "/" + identifier;
    }
}
