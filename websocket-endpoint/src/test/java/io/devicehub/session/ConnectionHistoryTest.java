package io.devicehub.session;

import io.devicehub.device.ConnectionChange;
import io.devicehub.device.DeviceConnections;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection-history writer: order, batching, a failing change costing only itself, and nothing dropped. */
class ConnectionHistoryTest {

    /** Records what it is asked to write, one list per transaction; fails every batch holding a poisoned device. */
    static final class RecordingConnections extends DeviceConnections {
        final List<List<ConnectionChange>> transactions = new CopyOnWriteArrayList<>();
        volatile long poisoned = -1;
        volatile CountDownLatch firstWrite = new CountDownLatch(0);

        @Override
        public void record(List<ConnectionChange> changes) {
            try {
                firstWrite.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (changes.stream().anyMatch(change -> change.deviceId() == poisoned)) {
                throw new IllegalStateException("a foreign-key violation, say");
            }
            transactions.add(List.copyOf(changes));
        }

        List<Long> written() {
            List<Long> ids = new ArrayList<>();
            transactions.forEach(batch -> batch.forEach(change -> ids.add(change.deviceId())));
            return ids;
        }
    }

    private final RecordingConnections connections = new RecordingConnections();
    private final ConnectionHistory history = new ConnectionHistory();

    ConnectionHistoryTest() {
        history.connections = connections;
        history.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                return new Thread(task);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @AfterEach
    void stop() {
        history.stop();
    }

    private static ConnectionChange connected(long deviceId) {
        return new ConnectionChange.Connected(deviceId, Instant.now(), "127.0.0.1");
    }

    @Test
    void changesThatQueueUpAreWrittenInOrderInFewTransactions() throws InterruptedException {
        connections.firstWrite = new CountDownLatch(1); // holds the writer while changes queue up
        history.start();
        for (long id = 1; id <= 1_200; id++) {
            history.record(connected(id));
        }
        connections.firstWrite.countDown();
        history.stop();

        List<Long> expected = new ArrayList<>();
        for (long id = 1; id <= 1_200; id++) {
            expected.add(id);
        }
        assertEquals(expected, connections.written());
        assertTrue(connections.transactions.size() <= 4, connections.transactions.size() + " transactions");
        assertTrue(connections.transactions.stream().allMatch(batch -> batch.size() <= ConnectionHistory.BATCH));
    }

    @Test
    void aChangeThatCannotBeWrittenCostsOnlyItselfAndItsFollowUpStillRuns() throws InterruptedException {
        connections.poisoned = 2;
        connections.firstWrite = new CountDownLatch(1);
        history.start();
        CountDownLatch announced = new CountDownLatch(3);
        for (long id = 1; id <= 3; id++) {
            history.record(connected(id), announced::countDown);
        }
        connections.firstWrite.countDown();

        assertTrue(announced.await(5, TimeUnit.SECONDS), "every follow-up runs, written or not");
        assertEquals(List.of(1L, 3L), connections.written());
    }

    @Test
    void afterTheWriterStoppedCallersWriteTheirOwnChange() {
        history.start();
        history.stop();
        history.record(connected(7));
        assertEquals(List.of(7L), connections.written());
    }
}
