package io.devicehub.device;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A device registered by an account. Its identifier is unique within the account's devices and never changes; its
 * credential is stored only as a salted hash, its own, so that one compromised device tells nothing about another.
 * <p>
 * The account is referenced by id: a device is its own aggregate and is always looked up through its owner.
 */
@Entity
@Table(name = "device")
@NamedQuery(name = Device.BY_IDENTIFIER,
        query = "SELECT d FROM Device d WHERE d.accountId = :accountId AND d.identifier = :identifier")
public class Device {

    static final String BY_IDENTIFIER = "Device.byIdentifier";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(nullable = false, updatable = false, length = DeviceIdentifier.MAX)
    private String identifier;

    @Column(length = DeviceDescription.MAX)
    private String description;

    @Column(name = "credential_hash", nullable = false)
    private String credentialHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "credential_changed_at", nullable = false)
    private Instant credentialChangedAt;

    /** A keyed HMAC of the credential for fast re-authentication (see {@link io.devicehub.credential.ServerKey}). */
    @Column(name = "credential_mac", length = 64)
    private String credentialMac;

    @Embedded
    private LastConnection lastConnection;

    @Version
    private long version;

    protected Device() {
        // for JPA
    }

    Device(long accountId, String identifier, String description, String credentialHash, Instant now) {
        this.accountId = accountId;
        this.identifier = Objects.requireNonNull(identifier);
        this.description = blankToNull(description);
        this.credentialHash = Objects.requireNonNull(credentialHash);
        this.enabled = true;
        this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        this.credentialChangedAt = createdAt;
    }

    public long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getIdentifier() {
        return identifier;
    }

    /** The description, or {@code null} when there is none. */
    public String getDescription() {
        return description;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCredentialChangedAt() {
        return credentialChangedAt;
    }

    /** How the device's last connection went, or {@code null} when it never connected. */
    public LastConnection getLastConnection() {
        return lastConnection == null || lastConnection.getConnectedAt() == null ? null : lastConnection;
    }

    String credentialHash() {
        return credentialHash;
    }

    String credentialMac() {
        return credentialMac;
    }

    void rememberCredentialMac(String mac) {
        this.credentialMac = mac;
    }

    /** What a credential's HMAC is bound to: this device and no other. */
    String macContext() {
        return "device-credential:" + id;
    }

    void describe(String newDescription) {
        this.description = blankToNull(newDescription);
    }

    void enable(boolean on) {
        this.enabled = on;
    }

    void changeCredential(String newHash, Instant now) {
        this.credentialHash = Objects.requireNonNull(newHash);
        this.credentialMac = null;
        this.credentialChangedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
