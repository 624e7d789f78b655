package io.devicehub.account;

import jakarta.persistence.Column;
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
 * Someone who signs in to the console and owns devices. The username and email are stored in lower case so that
 * "Alice" and "alice" are the same person; the password only as a salted hash.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_USERNAME, query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = Account.COUNT_BY_EMAIL, query = "SELECT COUNT(a) FROM Account a WHERE a.email = :email")
public class Account {

    static final String BY_USERNAME = "Account.byUsername";
    static final String COUNT_BY_EMAIL = "Account.countByEmail";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String username;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {
        // for JPA
    }

    Account(String username, String email, String passwordHash, Instant createdAt) {
        this.username = normalize(Objects.requireNonNull(username));
        this.email = normalize(Objects.requireNonNull(email));
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** How usernames and emails are compared and stored: trimmed and in lower case. */
    public static String normalize(String value) {
        return value == null ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    String passwordHash() {
        return passwordHash;
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }
}
