package io.devicehub.bucket;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The devices' record queue: while the database is busy the queue absorbs a burst; beyond its capacity a record is
 * told to slow down at once — never dropped in silence, never held — and every record taken is answered once its
 * batch is written.
 */
class BucketWriterTest {

    private final CountDownLatch writing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final BucketWriter writer = new BucketWriter();

    /** A database that is slow: the first batch waits until the test releases it. */
    private final BucketData slowDatabase = new BucketData() {
        @Override
        public List<List<Outcome>> writeFromDevices(List<DeviceWrites> groups) {
            batchSizes.add(groups.stream().mapToInt(group -> group.records().size()).sum());
            writing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return groups.stream().map(group -> group.records().stream().map(record -> Outcome.stored(record.ts()))
                    .toList()).toList();
        }
    };

    @AfterEach
    void stop() {
        release.countDown();
        writer.stop();
    }

    @Test
    void beyondItsQueueARecordIsToldToSlowDownAtOnceAndEveryRecordTakenIsStored() throws Exception {
        writer.data = slowDatabase;
        writer.capacity = 100;
        writer.threads = new Threads();
        writer.start();

        List<CompletableFuture<Long>> taken = new ArrayList<>();
        taken.add(submit(0));
        assertTrue(writing.await(5, TimeUnit.SECONDS), "the writer took the first record and writes it");
        for (int i = 1; i <= 100; i++) {
            taken.add(submit(i)); // the queue's 100 places
        }
        CompletableFuture<Long> beyond = submit(101);
        assertTrue(beyond.isCompletedExceptionally(), "answered at once, not held");
        ExecutionException refused = assertThrows(ExecutionException.class, beyond::get);
        assertInstanceOf(SlowDownException.class, refused.getCause());
        assertTrue(taken.stream().noneMatch(CompletableFuture::isDone), "nothing answered before its commit");

        release.countDown();
        for (int i = 0; i < taken.size(); i++) {
            assertEquals(1_700_000_000_000L + i, taken.get(i).get(5, TimeUnit.SECONDS), "record " + i + " stored");
        }
        assertEquals(List.of(1, 100), batchSizes, "the first alone, then the 100 that waited in one commit");
        assertEquals(0, writer.waiting());
        assertFalse(submit(102).isCompletedExceptionally(), "room again");
    }

    private CompletableFuture<Long> submit(int i) {
        return writer.submit(7, "climate", "sensor-1", 1_700_000_000_000L + i,
                Json.createObjectBuilder().add("n", i).build()).toCompletableFuture();
    }

    /** Plain threads, as the container's factory gives them. */
    private static final class Threads implements ManagedThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
        }
    }
}
