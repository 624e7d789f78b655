package io.devicehub.bucket;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;

/**
 * A data bucket of an account: its settings, and what its writes and samples left behind (how many records, the
 * last write, the last failed sample). Its identifier is unique among the account's buckets; its records live in
 * {@code bucket_record}, written by {@link BucketRecords}, not through JPA.
 */
@Entity
@Table(name = "bucket")
@NamedQuery(name = Bucket.BY_IDENTIFIER,
        query = "SELECT b FROM Bucket b WHERE b.accountId = :accountId AND b.identifier = :identifier")
public class Bucket {

    static final String BY_IDENTIFIER = "Bucket.byIdentifier";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    /** {@code null} once the bucket is deleted (its records are then being removed). */
    @Column(length = 32)
    private String identifier;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(length = 255)
    private String description;

    @Column(nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BucketSource source;

    @Column(name = "sample_device", length = 32)
    private String sampleDevice;

    @Column(name = "sample_resource", length = 64)
    private String sampleResource;

    @Column(name = "sample_seconds")
    private Integer sampleSeconds;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "bucket_writer", joinColumns = @JoinColumn(name = "bucket_id"))
    @Column(name = "device", length = 32)
    private Set<String> writers = new TreeSet<>();

    @Column(name = "retention_amount", nullable = false)
    private int retentionAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention_unit", nullable = false, length = 8)
    private RetentionUnit retentionUnit;

    @Column(nullable = false, updatable = false, insertable = false)
    private long records;

    @Column(name = "last_write_at", updatable = false, insertable = false)
    private Instant lastWriteAt;

    @Column(name = "samples_failed", nullable = false, updatable = false, insertable = false)
    private long samplesFailed;

    @Column(name = "last_sample_error", updatable = false, insertable = false)
    private String lastSampleError;

    @Column(name = "last_sample_error_at", updatable = false, insertable = false)
    private Instant lastSampleErrorAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    protected Bucket() {
        // for JPA
    }

    Bucket(long accountId, BucketSettings settings, Instant now) {
        this.accountId = accountId;
        this.identifier = settings.identifier();
        this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        apply(settings);
    }

    /** Everything but the identifier, which never changes. */
    void apply(BucketSettings settings) {
        this.name = settings.name().strip();
        this.description = settings.description() == null || settings.description().isBlank() ? null
                : settings.description().strip();
        this.enabled = settings.enabled();
        this.source = settings.source();
        boolean sampled = source == BucketSource.RESOURCE;
        this.sampleDevice = sampled ? settings.sampleDevice() : null;
        this.sampleResource = sampled ? settings.sampleResource() : null;
        this.sampleSeconds = sampled ? settings.sampleSeconds() : null;
        this.writers.clear();
        if (source == BucketSource.DEVICES && settings.writers() != null) {
            this.writers.addAll(settings.writers());
        }
        this.retentionAmount = settings.retention().amount();
        this.retentionUnit = settings.retention().unit();
    }

    /** The settings it has now, to change some of them. */
    public BucketSettings settings() {
        return new BucketSettings(identifier, name, description, enabled, source, sampleDevice, sampleResource,
                sampleSeconds, Set.copyOf(writers), retention());
    }

    void markDeleted(Instant now) {
        this.identifier = null;
        this.enabled = false;
        this.deletedAt = now;
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

    public String getName() {
        return name;
    }

    /** The description, or {@code null} when there is none. */
    public String getDescription() {
        return description;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public BucketSource getSource() {
        return source;
    }

    /** For a {@link BucketSource#RESOURCE} bucket: the device whose resource is sampled. */
    public String getSampleDevice() {
        return sampleDevice;
    }

    public String getSampleResource() {
        return sampleResource;
    }

    public Integer getSampleSeconds() {
        return sampleSeconds;
    }

    /** For a {@link BucketSource#DEVICES} bucket: the devices that may write; empty for all of the account's. */
    public Set<String> getWriters() {
        return Set.copyOf(writers);
    }

    /** Whether {@code device} may write with a {@code data} message. */
    public boolean acceptsDataFrom(String device) {
        return source == BucketSource.DEVICES && (writers.isEmpty() || writers.contains(device));
    }

    public RetentionPeriod retention() {
        return new RetentionPeriod(retentionAmount, retentionUnit);
    }

    /** How many records it holds. */
    public long getRecords() {
        return records;
    }

    /** When a record was last written, or {@code null}. */
    public Instant getLastWriteAt() {
        return lastWriteAt;
    }

    public long getSamplesFailed() {
        return samplesFailed;
    }

    /** Why the last sample failed, or {@code null}. */
    public String getLastSampleError() {
        return lastSampleError;
    }

    public Instant getLastSampleErrorAt() {
        return lastSampleErrorAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
