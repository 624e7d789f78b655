package io.devicehub.bucket;

import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one entry to a bucket's records for writing (and clearing), and the transaction edge of each write: a write is
 * acknowledged (this method returns) only once its transaction committed, and it is one transaction whatever its
 * size, so a batch is stored whole or not at all. Reading is {@link BucketReads}.
 */
@Stateless
public class BucketData {

    /** The most records one write may carry. */
    public static final int MAX_BATCH = 1000;
    /** The largest record, as compact JSON. */
    public static final int MAX_RECORD_BYTES = 64 * 1024;
    /** How far ahead of the server's clock a writer's timestamp may be. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    /** Looked up once: {@code Json.create…} would search the class path for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Buckets buckets;

    @Inject
    BucketRecords records;

    @Inject
    RecordClock clock;

    @Inject
    Event<RecordsWritten> written;

    @Inject
    Event<BucketChanged> changed;

    @Inject
    BucketTrim trim;

    /** Who writes: each source has its own door, and a bucket takes writes through its own only. */
    public sealed interface Writer {

        /** A program through the REST API. */
        record Api() implements Writer {
        }

        /** A device, with a {@code data} message. */
        record Device(String identifier) implements Writer {
        }

        /** The server, sampling a device resource. */
        record Sampler(String device) implements Writer {
        }

        /** A CSV import, which may fill any bucket with history. */
        record Import() implements Writer {
        }
    }

    /** What a write stored: how many records, how many of them new, and each record's timestamp in order. */
    public record Written(int stored, int added, List<Long> timestamps) {
    }

    /**
     * Stores records in the account's bucket. Records without a timestamp get the server's (see
     * {@link RecordClock}); a record whose timestamp the bucket already has replaces it, also within the batch
     * (the last one wins).
     *
     * @throws BucketNotFoundException when the account has no such bucket
     * @throws WriteRefusedException   when the bucket is disabled or takes its records from another source
     * @throws InvalidInputException   naming the first bad record ({@code records[i].ts} …): nothing is stored
     * @throws SlowDownException       when records without timestamps come faster than one a millisecond
     */
    public Written write(long accountId, String identifier, List<NewRecord> batch, Writer writer) {
        Bucket bucket = buckets.get(accountId, identifier);
        refuseUnlessAccepted(bucket, writer);
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw new InvalidInputException("records", "must be 1 to " + MAX_BATCH + " records");
        }
        for (int i = 0; i < batch.size(); i++) {
            check(batch.get(i), i, clock.now());
        }
        return store(bucket, batch, writer);
    }

    /**
     * Records for one bucket of an account, in the order they arrived: what its devices sent ({@code DEVICES}) or
     * what the server sampled ({@code RESOURCE}).
     */
    public record DeviceWrites(long accountId, String bucket, BucketSource source, List<NewRecord> records) {
    }

    /**
     * Stores what devices sent to many buckets, in one transaction (one commit for all), and answers for each
     * record: stored (its timestamp) or why not (a bucket that is unknown, disabled or takes other writers; a write
     * too fast). Each record was {@link #check checked} when it arrived; a bucket's records are stored together.
     */
    public List<List<Outcome>> writeFromDevices(List<DeviceWrites> groups) {
        List<List<Outcome>> outcomes = new ArrayList<>(groups.size());
        for (DeviceWrites group : groups) {
            outcomes.add(writeFromDevices(group.accountId(), group.bucket(), group.source(), group.records()));
        }
        return outcomes;
    }

    private List<Outcome> writeFromDevices(long accountId, String identifier, BucketSource source,
                                           List<NewRecord> records) {
        List<Outcome> outcomes = new ArrayList<>(records.size());
        // Nothing thrown out of another bean here: its exceptions would mark the one transaction of every group for
        // rollback, and the records of the other groups, answered as stored, would be lost with it.
        Bucket bucket = buckets.find(accountId, identifier).orElse(null);
        try {
            if (bucket == null) {
                throw new BucketNotFoundException(identifier);
            }
            refuseUnlessWritable(bucket, source);
        } catch (BucketNotFoundException | WriteRefusedException refused) {
            records.forEach(record -> outcomes.add(Outcome.refused(refused)));
            return outcomes;
        }
        List<NewRecord> accepted = new ArrayList<>();
        for (NewRecord record : records) {
            if (source != BucketSource.DEVICES || bucket.acceptsDataFrom(record.device())) {
                accepted.add(record);
            }
        }
        List<Long> stored = List.of();
        RuntimeException tooFast = null;
        if (!accepted.isEmpty()) {
            try {
                stored = store(bucket, accepted, null).timestamps();
            } catch (SlowDownException slow) {
                tooFast = slow;
            }
        }
        int next = 0;
        for (NewRecord record : records) {
            if (source == BucketSource.DEVICES && !bucket.acceptsDataFrom(record.device())) {
                outcomes.add(Outcome.refused(new WriteRefusedException(WriteRefusedException.Reason.NOT_A_WRITER,
                        "Device " + record.device() + " is not one of the devices that write to bucket "
                                + identifier + ".")));
            } else {
                outcomes.add(tooFast != null ? Outcome.refused(tooFast) : Outcome.stored(stored.get(next++)));
            }
        }
        return outcomes;
    }

    /**
     * Counts failed samples (gaps) of buckets and keeps the last reason, in one transaction. Buckets deleted
     * meanwhile are skipped.
     */
    public void noteFailedSamples(java.util.Collection<FailedSamples> failures) {
        if (failures.isEmpty()) {
            return;
        }
        try {
            records.noteFailedSamples(failures);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count " + failures.size() + " buckets' failed samples", e);
        }
    }

    /** What became of one record of {@link #writeFromDevices}: its timestamp, or why it was not stored. */
    public record Outcome(Long ts, RuntimeException refused) {

        static Outcome stored(long ts) {
            return new Outcome(ts, null);
        }

        static Outcome refused(RuntimeException why) {
            return new Outcome(null, why);
        }
    }

    /**
     * Checks one record as it arrives: its timestamp and its size.
     *
     * @throws InvalidInputException naming {@code records[index]}
     */
    public static void check(NewRecord record, int index, long now) {
        if (record.value().toString().getBytes(StandardCharsets.UTF_8).length > MAX_RECORD_BYTES) {
            throw invalid(index, "value", "must be at most " + MAX_RECORD_BYTES + " bytes of JSON");
        }
        if (!RecordFields.numbersFitDoubles(record.value())) {
            throw invalid(index, "value", "has a number beyond ±1.8e308, the range of a 64-bit floating-point number");
        }
        if (record.ts() != null && record.ts() < 0) {
            throw invalid(index, "ts", "must not be before 1970");
        }
        if (record.ts() != null && record.ts() > now + MAX_AHEAD.toMillis()) {
            throw invalid(index, "ts", "must not be more than a day ahead of the server's clock");
        }
    }

    /** Stores checked records of an accepting bucket; the last record of a timestamp wins, in its own place. */
    private Written store(Bucket bucket, List<NewRecord> batch, Writer writer) {
        Map<Long, BucketRecords.StoredRecord> byTimestamp = new LinkedHashMap<>();
        Map<Long, Map<String, Double>> numbers = new java.util.HashMap<>();
        Map<String, Boolean> fields = new LinkedHashMap<>();
        List<Long> timestamps = new ArrayList<>(batch.size());
        for (NewRecord record : batch) {
            long ts = record.ts() != null ? record.ts() : clock.next(bucket.getId(), record.arrivedAt());
            byTimestamp.remove(ts);
            byTimestamp.put(ts, new BucketRecords.StoredRecord(ts, deviceOf(writer, record),
                    record.value().toString()));
            numbers.put(ts, RecordFields.numbersOf(record.value()));
            RecordFields.of(record.value()).forEach((path, number) -> fields.merge(path, number, Boolean::logicalOr));
            timestamps.add(ts);
        }
        long now = clock.now();
        int added;
        try {
            added = records.store(bucket.getId(), List.copyOf(byTimestamp.values()),
                    byTimestamp.keySet().stream().map(numbers::get).toList(), fields, Instant.ofEpochMilli(now));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the records of bucket " + bucket.getId(), e);
        }
        written.fire(new RecordsWritten(bucket.getAccountId(), bucket.getIdentifier(), byTimestamp.size(),
                timestamps.stream().mapToLong(Long::longValue).max().orElse(now)));
        return new Written(byTimestamp.size(), added, List.copyOf(timestamps));
    }

    /**
     * Deletes the bucket's records in {@code [from, to)}, in chunks of {@value BucketTrim#CHUNK}, each its own
     * transaction: writes go on meanwhile (a record written into the range during the clear may survive it).
     *
     * @return how many records were deleted
     * @throws BucketNotFoundException when the account has no such bucket
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long clear(long accountId, String identifier, long from, long to) {
        Bucket bucket = buckets.get(accountId, identifier);
        long deleted = 0;
        int chunk;
        do {
            chunk = trim.clearChunk(bucket.getId(), from, to);
            deleted += chunk;
        } while (chunk == BucketTrim.CHUNK);
        changed.fire(new BucketChanged(accountId, bucket.getId(), identifier, BucketChanged.Kind.CLEARED));
        return deleted;
    }

    private static void refuseUnlessAccepted(Bucket bucket, Writer writer) {
        refuseUnlessWritable(bucket, writer instanceof Writer.Api ? BucketSource.API
                : writer instanceof Writer.Device ? BucketSource.DEVICES
                : writer instanceof Writer.Sampler ? BucketSource.RESOURCE
                : bucket.getSource()); // an import fills any bucket
        if (writer instanceof Writer.Device device && !bucket.acceptsDataFrom(device.identifier())) {
            throw new WriteRefusedException(WriteRefusedException.Reason.NOT_A_WRITER, "Device "
                    + device.identifier() + " is not one of the devices that write to bucket "
                    + bucket.getIdentifier() + ".");
        }
    }

    /** @throws WriteRefusedException when the bucket is disabled or takes its records from another source */
    private static void refuseUnlessWritable(Bucket bucket, BucketSource source) {
        if (!bucket.isEnabled()) {
            throw new WriteRefusedException(WriteRefusedException.Reason.DISABLED, "Bucket " + bucket.getIdentifier()
                    + " is disabled: it stores nothing until it is enabled again.");
        }
        if (bucket.getSource() != source) {
            throw new WriteRefusedException(WriteRefusedException.Reason.OTHER_SOURCE, "Bucket "
                    + bucket.getIdentifier() + " takes its records from " + describe(bucket.getSource())
                    + ", not from " + describe(source) + ".");
        }
    }

    private static String describe(BucketSource source) {
        return switch (source) {
            case API -> "the API";
            case DEVICES -> "its devices' data messages";
            case RESOURCE -> "sampling a device resource";
        };
    }

    private static String deviceOf(Writer writer, NewRecord record) {
        return writer instanceof Writer.Sampler sampler ? sampler.device() : record.device();
    }

    private static InvalidInputException invalid(int index, String field, String message) {
        return new InvalidInputException(List.of(new FieldError("records[" + index + "]." + field, message)));
    }

    /** Wraps a value that is not an object as {@code {"value": …}}: every record is an object with fields. */
    public static JsonObject asRecord(JsonValue value) {
        return value instanceof JsonObject object ? object : JSON.createObjectBuilder().add("value", value).build();
    }
}
