package io.devicehub.bucket;

import io.devicehub.common.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Reading a bucket's records: pages by time range, a capped count, aggregation in the database, export pages and the
 * fields its records have had. Every read is scoped to the account: another account's bucket is not found.
 */
@Stateless
public class BucketReads {

    @Inject
    Buckets buckets;

    @Inject
    BucketRecords records;

    @Inject
    RecordAggregates aggregates;

    /**
     * One page of records, newest or oldest first, in {@code [from, to)}.
     *
     * @throws BucketNotFoundException when the account has no such bucket
     */
    public List<BucketRecords.StoredRecord> read(long accountId, String identifier, RecordRange range) {
        Bucket bucket = buckets.get(accountId, identifier);
        try {
            return records.read(bucket.getId(), range.from(), range.to(), range.newestFirst(), range.limit());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the records of bucket " + bucket.getId(), e);
        }
    }

    /**
     * How many of the bucket's records lie in {@code [from, to)}, counted no further than {@code cap}: what a
     * paged view shows ("10,000+") without scanning a range of millions.
     *
     * @throws BucketNotFoundException when the account has no such bucket
     */
    public long count(long accountId, String identifier, long from, long to, long cap) {
        Bucket bucket = buckets.get(accountId, identifier);
        try {
            return records.count(bucket.getId(), from, to, cap);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the records of bucket " + bucket.getId(), e);
        }
    }

    /** The most numeric fields one aggregation computes at once. */
    public static final int MAX_AGGREGATED_FIELDS = 20;

    /** An aggregation's result: its settings, the fields it computed, and the slots that hold records. */
    public record Aggregation(Interval interval, AggregateFunction function, java.time.ZoneId zone, long from,
                              long to, List<String> fields, List<RecordAggregates.Slot> slots) {
    }

    /**
     * Aggregates the bucket's records of {@code [from, to)} by slots of {@code interval} in {@code zone}, in the
     * database: {@code field} (a numeric field's path), or each numeric field when it is {@code null}.
     *
     * @throws BucketNotFoundException when the account has no such bucket
     * @throws InvalidInputException   for a field that was never a number in this bucket, or too many slots
     */
    public Aggregation aggregate(long accountId, String identifier, long from, long to, Interval interval,
                                 java.time.ZoneId zone, AggregateFunction function, String field) {
        Bucket bucket = buckets.get(accountId, identifier);
        try {
            Map<String, Boolean> known = records.fields(bucket.getId());
            List<String> numeric = known.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                    .toList();
            List<String> fields;
            if (field == null) {
                fields = numeric.subList(0, Math.min(numeric.size(), MAX_AGGREGATED_FIELDS));
            } else if (numeric.contains(field)) {
                fields = List.of(field);
            } else {
                throw new InvalidInputException("field", (known.containsKey(field) ? "was never a number"
                        : "is no field") + " of bucket " + identifier + (numeric.isEmpty() ? "; it has no numeric "
                        + "fields" : "; its numeric fields are " + String.join(", ", numeric)));
            }
            Slots slots = Slots.of(from, to, interval, zone);
            return new Aggregation(interval, function, zone, from, to, fields,
                    aggregates.aggregate(bucket.getId(), from, to, slots, function, fields));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not aggregate the records of bucket " + bucket.getId(), e);
        }
    }

    /** The most records one page of an export reads. */
    public static final int EXPORT_PAGE = 5000;

    /**
     * One page of an export: up to {@value #EXPORT_PAGE} records of {@code [from, to)}, newest or oldest first. An
     * export reads page after page, each in its own short transaction, so that it holds no lock and no connection
     * while its client downloads.
     *
     * An export is no snapshot: records written, cleared or expired while it runs may or may not be in it, and of
     * a bucket deleted meanwhile it goes on with what is left until its records are gone.
     *
     * @param bucketId the bucket an export began with ({@link Buckets#get}); it must be (or have been) the account's
     * @throws BucketNotFoundException when it is not the account's bucket
     */
    public List<BucketRecords.StoredRecord> exportPage(long accountId, long bucketId, long from, long to,
                                                       boolean newestFirst) {
        if (!buckets.isOrWasOfAccount(accountId, bucketId)) {
            throw new BucketNotFoundException(String.valueOf(bucketId));
        }
        try {
            return records.read(bucketId, from, to, newestFirst, EXPORT_PAGE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the records of bucket " + bucketId, e);
        }
    }

    /** The fields the bucket's records have had: path → whether it was ever a number, by path. */
    public Map<String, Boolean> fields(long accountId, String identifier) {
        Bucket bucket = buckets.get(accountId, identifier);
        try {
            return records.fields(bucket.getId());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the fields of bucket " + bucket.getId(), e);
        }
    }
}
