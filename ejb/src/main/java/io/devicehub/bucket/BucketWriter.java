package io.devicehub.bucket;

import io.devicehub.common.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores what devices send ({@code data} messages) in batches: each record waits in a bounded queue, one writer
 * thread takes everything that waits (up to {@value #MAX_PER_COMMIT} records), stores it in one transaction with one
 * commit ({@link BucketData#writeFromDevices}), and only then answers each record — its timestamp, or why it was not
 * stored. A burst fills the queue; beyond its records (or its bytes) a record is refused at once as "slow down",
 * never dropped in silence and never held in an unbounded heap.
 */
@ApplicationScoped
public class BucketWriter {

    static final int MAX_PER_COMMIT = 5000;
    /** Bytes of JSON all waiting records may hold together. */
    static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(BucketWriter.class.getName());

    @Inject
    BucketData data;

    @Inject
    @ConfigProperty(name = "devicehub.buckets.write-queue", defaultValue = "20000")
    int capacity;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private record Pending(long accountId, String bucket, BucketSource source, NewRecord record, int bytes,
                           CompletableFuture<Long> stored) {
    }

    private record Key(long accountId, String bucket, BucketSource source) {
    }

    private BlockingQueue<Pending> queue;
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile boolean running;
    private Thread writer;
    /**
     * Answers a committed batch (its records' stages, and so the devices' {@code stored} messages) while the writer
     * goes on with the next one: sending thousands of answers took the writer as long as storing them.
     */
    private ExecutorService answers;
    /** Batches committed but not yet answered: at most {@value #ANSWERED_AHEAD}, which bounds what they hold. */
    private final Semaphore unanswered = new Semaphore(ANSWERED_AHEAD);
    private static final int ANSWERED_AHEAD = 2;

    @PostConstruct
    void start() {
        queue = new ArrayBlockingQueue<>(Math.max(100, capacity));
        running = true;
        answers = Executors.newSingleThreadExecutor(task -> {
            Thread thread = threads.newThread(task);
            thread.setName("devicehub-bucket-answers");
            return thread;
        });
        writer = threads.newThread(this::writeUntilStopped);
        writer.setName("devicehub-bucket-writer");
        writer.start();
    }

    /**
     * A device's record for one of its account's buckets.
     *
     * @param ts the device's timestamp in milliseconds, or {@code null} for the time it arrived
     * @return the record's timestamp once it is committed; or failed: {@link InvalidInputException} and
     *         {@link SlowDownException} at once, {@link BucketNotFoundException}, {@link WriteRefusedException}
     *         or {@link SlowDownException} once its batch was written
     */
    public CompletionStage<Long> submit(long accountId, String bucket, String device, Long ts, JsonValue value) {
        return submit(accountId, bucket, BucketSource.DEVICES, device, ts, value);
    }

    /**
     * A sample the server took of a device resource, as the record of {@code ts}.
     *
     * @return as {@link #submit(long, String, String, Long, JsonValue)}
     */
    public CompletionStage<Long> submitSample(SampledResource sampled, long ts, JsonValue output) {
        return submit(sampled.accountId(), sampled.bucket(), BucketSource.RESOURCE, sampled.device(), ts, output);
    }

    private CompletionStage<Long> submit(long accountId, String bucket, BucketSource source, String device, Long ts,
                                         JsonValue value) {
        long now = System.currentTimeMillis();
        NewRecord record = new NewRecord(ts, BucketData.asRecord(value), device, now);
        try {
            BucketData.check(record, 0, now);
        } catch (InvalidInputException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
        int bytes = record.value().toString().getBytes(StandardCharsets.UTF_8).length;
        Pending pending = new Pending(accountId, bucket, source, record, bytes, new CompletableFuture<>());
        if (queuedBytes.addAndGet(bytes) > MAX_QUEUED_BYTES || !running || !queue.offer(pending)) {
            queuedBytes.addAndGet(-bytes);
            return CompletableFuture.failedFuture(new SlowDownException("The server is storing records as fast as it"
                    + " can; send this one again in a second."));
        }
        return pending.stored();
    }

    /** Records waiting to be stored. */
    public int waiting() {
        return queue.size();
    }

    private void writeUntilStopped() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, MAX_PER_COMMIT - 1);
                unanswered.acquireUninterruptibly(); // what was drained is written and answered, also when stopping
                Runnable answer = write(batch);
                try {
                    answers.execute(() -> {
                        try {
                            answer.run();
                        } finally {
                            unanswered.release();
                        }
                    });
                } catch (RejectedExecutionException stopping) {
                    answer.run();
                    unanswered.release();
                }
            } catch (InterruptedException stopping) {
                running = false;
            }
        }
    }

    /**
     * One transaction for the whole batch.
     *
     * @return what answers every record after the commit (its timestamp, or why not), or fails them with it
     */
    private Runnable write(List<Pending> batch) {
        Map<Key, List<Pending>> byBucket = new LinkedHashMap<>();
        for (Pending pending : batch) {
            byBucket.computeIfAbsent(new Key(pending.accountId(), pending.bucket(), pending.source()),
                            k -> new ArrayList<>())
                    .add(pending);
        }
        List<BucketData.DeviceWrites> groups = new ArrayList<>();
        List<List<Pending>> order = new ArrayList<>();
        byBucket.forEach((key, pendings) -> {
            for (int start = 0; start < pendings.size(); start += BucketData.MAX_BATCH) {
                List<Pending> chunk = pendings.subList(start, Math.min(pendings.size(), start + BucketData.MAX_BATCH));
                groups.add(new BucketData.DeviceWrites(key.accountId(), key.bucket(), key.source(),
                        chunk.stream().map(Pending::record).toList()));
                order.add(chunk);
            }
        });
        long bytes = batch.stream().mapToLong(Pending::bytes).sum();
        List<List<BucketData.Outcome>> outcomes;
        try {
            outcomes = data.writeFromDevices(groups);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Could not store " + batch.size() + " records from devices; they were told so",
                    failed);
            return () -> {
                queuedBytes.addAndGet(-bytes);
                batch.forEach(pending -> pending.stored().completeExceptionally(failed));
            };
        }
        return () -> {
            queuedBytes.addAndGet(-bytes);
            for (int g = 0; g < order.size(); g++) {
                for (int i = 0; i < order.get(g).size(); i++) {
                    BucketData.Outcome outcome = outcomes.get(g).get(i);
                    CompletableFuture<Long> stored = order.get(g).get(i).stored();
                    if (outcome.refused() == null) {
                        stored.complete(outcome.ts());
                    } else {
                        stored.completeExceptionally(outcome.refused());
                    }
                }
            }
        };
    }

    /** Stops taking records, stores what waits, and stops the writer. */
    @PreDestroy
    void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
            answers.shutdown();
            answers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending left = queue.poll(); left != null; left = queue.poll()) {
            left.stored().completeExceptionally(new SlowDownException("The server is stopping; send this record "
                    + "again once it is back."));
        }
    }
}
