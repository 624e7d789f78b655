package io.devicehub.bucket;

import io.devicehub.common.AlreadyRegisteredException;
import io.devicehub.common.FieldError;
import io.devicehub.common.InputValidator;
import io.devicehub.common.InvalidInputException;
import io.devicehub.common.Page;
import io.devicehub.common.UniqueKey;
import io.devicehub.device.DeviceIdentifier;
import io.devicehub.device.Devices;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one entry to an account's buckets and their settings, and its transaction edge. As for devices, another
 * account's bucket is "not found". Changes are announced as {@link BucketChanged}; records are written and read
 * through {@link BucketData}.
 */
@Stateless
public class Buckets {

    private static final String DUPLICATE = "You already have a bucket with this identifier.";

    @PersistenceContext
    EntityManager em;

    @Inject
    InputValidator inputs;

    @Inject
    Devices devices;

    @Inject
    Event<BucketChanged> events;

    /**
     * @param sources what else a source must satisfy (a sampled resource that the device declared)
     * @throws InvalidInputException      when a field breaks its rules, or the source lacks what it needs
     * @throws AlreadyRegisteredException when the account already has a bucket with this identifier
     */
    public Bucket create(long accountId, BucketSettings settings, SourceCheck sources) {
        check(accountId, settings, sources);
        if (find(accountId, settings.identifier()).isPresent()) {
            throw new AlreadyRegisteredException("identifier", DUPLICATE);
        }
        Bucket bucket = new Bucket(accountId, settings, Instant.now());
        try {
            em.persist(bucket);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueKey.violated(e, "uk_bucket_account_identifier")) {
                throw new AlreadyRegisteredException("identifier", DUPLICATE);
            }
            throw e;
        }
        em.refresh(bucket); // the counters the database initialised
        events.fire(new BucketChanged(accountId, bucket.getId(), bucket.getIdentifier(), BucketChanged.Kind.CREATED));
        return bucket;
    }

    public Optional<Bucket> find(long accountId, String identifier) {
        if (identifier == null || !identifier.matches(DeviceIdentifier.PATTERN)) {
            return Optional.empty();
        }
        return em.createNamedQuery(Bucket.BY_IDENTIFIER, Bucket.class)
                .setParameter("accountId", accountId)
                .setParameter("identifier", identifier)
                .getResultStream().findFirst();
    }

    /** The bucket of this id, when it is the account's and not deleted. */
    public Optional<Bucket> ofAccount(long accountId, long bucketId) {
        Bucket bucket = em.find(Bucket.class, bucketId);
        return bucket == null || bucket.isDeleted() || bucket.getAccountId() != accountId ? Optional.empty()
                : Optional.of(bucket);
    }

    /** Whether the bucket of this id is the account's, or was until it was deleted (while its records go). */
    public boolean isOrWasOfAccount(long accountId, long bucketId) {
        Bucket bucket = em.find(Bucket.class, bucketId);
        return bucket != null && bucket.getAccountId() == accountId;
    }

    /** @throws BucketNotFoundException when the account has no such bucket */
    public Bucket get(long accountId, String identifier) {
        return find(accountId, identifier).orElseThrow(() -> new BucketNotFoundException(identifier));
    }

    /** One page of the account's buckets, newest first. */
    public Page<Bucket> list(long accountId, int offset, int limit) {
        List<Bucket> items = em.createQuery("SELECT b FROM Bucket b WHERE b.accountId = :accountId"
                        + " AND b.identifier IS NOT NULL ORDER BY b.createdAt DESC, b.id DESC", Bucket.class)
                .setParameter("accountId", accountId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        long total = em.createQuery("SELECT COUNT(b) FROM Bucket b WHERE b.accountId = :accountId"
                        + " AND b.identifier IS NOT NULL", Long.class)
                .setParameter("accountId", accountId).getSingleResult();
        return new Page<>(items, total, offset, limit);
    }

    /**
     * The account's buckets that a device fills: those sampling one of its resources, and those taking data
     * messages from it (from all the account's devices, or from a list naming it). A device's dashboard links them.
     */
    public List<Bucket> filledBy(long accountId, String device) {
        return em.createQuery("SELECT b FROM Bucket b WHERE b.accountId = :accountId AND b.identifier IS NOT NULL"
                        + " AND b.source <> :api ORDER BY b.identifier", Bucket.class)
                .setParameter("accountId", accountId)
                .setParameter("api", BucketSource.API)
                .getResultStream()
                .filter(bucket -> bucket.getSource() == BucketSource.RESOURCE ? device.equals(bucket.getSampleDevice())
                        : bucket.acceptsDataFrom(device))
                .toList();
    }

    /**
     * Changes the settings of a bucket (all but its identifier, which never changes), in one transaction: {@code
     * change} is given the settings as they are and answers the new ones.
     *
     * @param sources what else a source must satisfy; checked when the sampled device or resource changes (a
     *                bucket whose device is offline now can still be renamed)
     * @throws BucketNotFoundException when the account has no such bucket
     * @throws InvalidInputException   when a field breaks its rules
     */
    public Bucket change(long accountId, String identifier, UnaryOperator<BucketSettings> change,
                         SourceCheck sources) {
        Bucket bucket = get(accountId, identifier);
        BucketSettings before = bucket.settings();
        BucketSettings settings = change.apply(before);
        BucketSettings kept = new BucketSettings(identifier, settings.name(), settings.description(),
                settings.enabled(), settings.source(), settings.sampleDevice(), settings.sampleResource(),
                settings.sampleSeconds(), settings.writers(), settings.retention());
        boolean sampledElsewhere = kept.source() != before.source()
                || !Objects.equals(kept.sampleDevice(), before.sampleDevice())
                || !Objects.equals(kept.sampleResource(), before.sampleResource());
        check(accountId, kept, sampledElsewhere ? sources : SourceCheck.NONE);
        bucket.apply(kept);
        events.fire(new BucketChanged(accountId, bucket.getId(), identifier, BucketChanged.Kind.CHANGED));
        return bucket;
    }

    /**
     * Deletes a bucket: it is gone for its account at once (the identifier is free again), and its records are
     * removed in the background, in chunks ({@link BucketHousekeeping}).
     */
    public void delete(long accountId, String identifier) {
        Bucket bucket = get(accountId, identifier);
        bucket.markDeleted(Instant.now());
        em.flush();
        events.fire(new BucketChanged(accountId, bucket.getId(), identifier, BucketChanged.Kind.DELETED));
    }

    /** Every enabled bucket that samples a resource: what the sampler works through. */
    public List<SampledResource> sampled() {
        return em.createQuery("SELECT b FROM Bucket b WHERE b.source = :source AND b.enabled = TRUE"
                        + " AND b.identifier IS NOT NULL", Bucket.class)
                .setParameter("source", BucketSource.RESOURCE)
                .getResultStream().map(SampledResource::of).toList();
    }

    /** What the bucket samples now; empty when it is gone, disabled or takes other writes. */
    public Optional<SampledResource> sampled(long bucketId) {
        Bucket bucket = em.find(Bucket.class, bucketId);
        boolean sampling = bucket != null && !bucket.isDeleted() && bucket.isEnabled()
                && bucket.getSource() == BucketSource.RESOURCE;
        return sampling ? Optional.of(SampledResource.of(bucket)) : Optional.empty();
    }

    /** The rules between fields, that devices named belong to the account, and what {@code sources} says. */
    private void check(long accountId, BucketSettings settings, SourceCheck sources) {
        List<FieldError> errors = new ArrayList<>();
        try {
            inputs.validate(settings);
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.errors());
        }
        if (settings.retention() != null && !settings.retention().isValid()) {
            errors.add(new FieldError("retention", "must be 0 (forever) to " + settings.retention().unit().max()
                    + " " + settings.retention().unit().wireName()));
        }
        if (settings.source() == BucketSource.RESOURCE) {
            if (settings.sampleDevice() == null || devices.find(accountId, settings.sampleDevice()).isEmpty()) {
                errors.add(new FieldError("source.device", "must be one of your devices"));
            }
            if (settings.sampleResource() == null
                    || !settings.sampleResource().matches(BucketSettings.RESOURCE_PATTERN)) {
                errors.add(new FieldError("source.resource", "must be a resource name: 1 to 64 letters, digits, "
                        + "'_', '-' or '.'"));
            }
            Integer seconds = settings.sampleSeconds();
            if (seconds == null || seconds < BucketSettings.MIN_SAMPLE_SECONDS
                    || seconds > BucketSettings.MAX_SAMPLE_SECONDS) {
                errors.add(new FieldError("source.intervalSeconds", "must be 1 to 86400 seconds"));
            }
        }
        if (settings.source() == BucketSource.DEVICES) {
            if (settings.writers().size() > BucketSettings.MAX_WRITERS) {
                errors.add(new FieldError("source.devices", "must be at most " + BucketSettings.MAX_WRITERS
                        + " devices"));
            }
            settings.writers().stream().sorted()
                    .filter(device -> devices.find(accountId, device).isEmpty())
                    .findFirst()
                    .ifPresent(device -> errors.add(new FieldError("source.devices", "'" + device
                            + "' is not one of your devices")));
        }
        if (errors.stream().noneMatch(error -> error.field().startsWith("source."))) {
            errors.addAll(sources.errors(accountId, settings));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().sorted(Comparator.comparing(FieldError::field))
                    .toList());
        }
    }
}
