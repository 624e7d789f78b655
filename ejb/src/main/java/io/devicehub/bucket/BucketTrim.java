package io.devicehub.bucket;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes records in small chunks, each its own transaction, so that no delete holds a bucket's lock (and its
 * writers) for long: what retention has expired and everything of deleted buckets ({@link BucketHousekeeping}
 * calls it on a schedule), and what a user clears. It also rolls up, a chunk per transaction, the records that
 * buckets held before roll-ups were kept ({@link Rollups}).
 */
@Stateless
public class BucketTrim {

    /** Records one transaction deletes: a few milliseconds of a bucket's lock. */
    static final int CHUNK = 5000;

    @PersistenceContext
    EntityManager em;

    @Inject
    BucketRecords records;

    /** A bucket and the instant before which its records go. */
    public record Expiry(long bucketId, long before, boolean deleted) {
    }

    /** What is due now: every record of deleted buckets, and what retention has expired in the others. */
    public List<Expiry> due(Instant now) {
        List<Expiry> due = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT b.id, b.retentionAmount, b.retentionUnit, b.deletedAt"
                + " FROM Bucket b WHERE b.deletedAt IS NOT NULL OR b.retentionAmount > 0", Object[].class)
                .getResultList()) {
            long id = (Long) row[0];
            if (row[3] != null) {
                due.add(new Expiry(id, Long.MAX_VALUE, true));
            } else {
                new RetentionPeriod((Integer) row[1], (RetentionUnit) row[2]).cutoff(now)
                        .ifPresent(cutoff -> due.add(new Expiry(id, cutoff.toEpochMilli(), false)));
            }
        }
        return due;
    }

    /**
     * Deletes one chunk of a bucket's records in {@code [from, to)}, for a user clearing them.
     *
     * @return how many were deleted; fewer than {@link #CHUNK} means none are left in the range
     */
    public int clearChunk(long bucketId, long from, long to) {
        try {
            return records.deleteOldest(bucketId, from, to, CHUNK);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete records of bucket " + bucketId, e);
        }
    }

    /** The buckets whose older records still wait for their roll-ups (they held records before roll-ups were). */
    public List<Long> notRolledUp() {
        try {
            return records.notRolledUp();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find the buckets to roll up", e);
        }
    }

    /**
     * Rolls up the next chunk of a bucket's older records, about {@value #CHUNK}, in one transaction.
     *
     * @return whether more is left to roll up
     */
    public boolean rollUpChunk(long bucketId) {
        try {
            return records.rollUp(bucketId, CHUNK);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not roll up records of bucket " + bucketId, e);
        }
    }

    /**
     * Deletes one chunk; when a deleted bucket has no records left, removes the bucket itself.
     *
     * @return whether more is left to delete
     */
    public boolean trimChunk(Expiry expiry) {
        try {
            int deleted = records.deleteOldest(expiry.bucketId(), 0, expiry.before(), CHUNK);
            if (deleted < CHUNK && expiry.deleted()) {
                records.dropDeleted(expiry.bucketId());
            }
            return deleted == CHUNK;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete records of bucket " + expiry.bucketId(), e);
        }
    }
}
