package io.devicehub.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A token an account gave out: what it may do, until when, and whether it was revoked. The secret itself is not
 * here, only its SHA-256 hash (see {@link TokenSecret}).
 * <p>
 * A token limited to a device refers to it by id as well as by identifier: the database deletes the token with
 * the device, so a device registered later under the same identifier never inherits an old token.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.OF_ACCOUNT,
        query = "SELECT t FROM ApiToken t WHERE t.accountId = :accountId AND t.kind = :kind ORDER BY t.id DESC")
@NamedQuery(name = ApiToken.BY_HASH_WITH_USERNAME,
        query = "SELECT t, a.username FROM ApiToken t, Account a WHERE a.id = t.accountId AND t.tokenHash = :hash")
public class ApiToken {

    static final String OF_ACCOUNT = "ApiToken.ofAccount";
    static final String BY_HASH_WITH_USERNAME = "ApiToken.byHashWithUsername";

    /** Whether a token can be used now. */
    public enum Status {
        ACTIVE, EXPIRED, REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private TokenKind kind;

    @Column(nullable = false, updatable = false, length = NewApiToken.NAME_MAX)
    private String name;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "token_hint", nullable = false, updatable = false, length = 16)
    private String tokenHint;

    @Column(nullable = false, updatable = false)
    private String scopes;

    @Column(name = "device_id", updatable = false)
    private Long deviceId;

    @Column(name = "device_identifier", updatable = false, length = 32)
    private String deviceIdentifier;

    @Column(updatable = false, length = 1500)
    private String resources;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
        // for JPA
    }

    ApiToken(long accountId, TokenKind kind, String name, String secret, Set<Scope> scopes, Long deviceId,
             String deviceIdentifier, Set<String> resources, Instant createdAt, Instant expiresAt) {
        this.accountId = accountId;
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
        this.tokenHash = TokenSecret.hash(secret);
        this.tokenHint = TokenSecret.hint(secret);
        this.scopes = Scope.join(scopes);
        this.deviceId = deviceId;
        this.deviceIdentifier = deviceIdentifier;
        this.resources = resources == null || resources.isEmpty() ? null : String.join(" ", resources);
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        this.expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public TokenKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    /** The first characters of the secret, e.g. {@code dh_pat_4Fq9…}, to tell tokens apart. */
    public String getHint() {
        return tokenHint;
    }

    public Set<Scope> getScopes() {
        return Collections.unmodifiableSet(Scope.split(scopes));
    }

    /** The identifier of the one device this token is limited to, or {@code null} for all of the account's. */
    public String getDevice() {
        return deviceIdentifier;
    }

    /** The resources of {@link #getDevice()} it may call; empty for all of them. */
    public Set<String> getResources() {
        return resources == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(resources.split(" "))));
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When it stops working, or {@code null} for never. */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** When it was last used (to the minute), or {@code null} for never. */
    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? Status.EXPIRED : Status.ACTIVE;
    }

    /** For pages (EL reads properties): the status now. */
    public Status getStatus() {
        return status(Instant.now());
    }

    String tokenHash() {
        return tokenHash;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now.truncatedTo(ChronoUnit.MILLIS);
        }
    }
}
