package io.devicehub.bucket;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a minute: deletes the records that retention has expired and those of deleted buckets, a chunk per
 * transaction ({@link BucketTrim}), for at most {@value #BUDGET_SECONDS} seconds a run, so that a huge backlog is
 * worked off over a few runs while writes go on; in the time left, rolls up the records of buckets that held some
 * before roll-ups were kept (after an upgrade), a chunk per transaction, oldest first. Runs never overlap (a
 * singleton's timer waits for the last run).
 */
@Singleton
public class BucketHousekeeping {

    static final int BUDGET_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(BucketHousekeeping.class.getName());

    @Inject
    BucketTrim trim;

    @Schedule(hour = "*", minute = "*", second = "7", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofSeconds(BUDGET_SECONDS));
        try {
            for (BucketTrim.Expiry expiry : trim.due(start)) {
                while (Instant.now().isBefore(deadline) && trim.trimChunk(expiry)) {
                    // one chunk per transaction until this bucket is done or the run's time is up
                }
            }
            for (long bucketId : trim.notRolledUp()) {
                boolean more = true;
                while (Instant.now().isBefore(deadline) && (more = trim.rollUpChunk(bucketId))) {
                    // the same for the roll-ups of records from before them
                }
                if (!more) {
                    LOG.info(() -> "Bucket " + bucketId + ": its older records are rolled up, its aggregations read"
                            + " the roll-ups from now on");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Bucket housekeeping failed; it runs again in a minute", e);
        }
    }
}
