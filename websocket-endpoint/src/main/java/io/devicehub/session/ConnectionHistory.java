package io.devicehub.session;

import io.devicehub.device.ConnectionChange;
import io.devicehub.device.DeviceConnections;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes devices' connects and disconnects to their history off the sessions' threads: one writer thread takes what
 * has queued up and records it in one transaction, in order. A device goes online without waiting for the
 * database, and when thousands come back at once after a restart their history costs a few commits instead of
 * thousands of transactions fighting over the connection pool (measured in the reconnect-storm benchmark, where
 * 200 HTTP threads waited for 32 connections).
 * <p>
 * Nothing is dropped: when the queue is full, or the writer has stopped at shutdown, the caller writes its change
 * itself, as it would without a writer. A disconnect's follow-up (telling the console) runs once it is committed,
 * so whoever reacts reads the stored "last connection".
 */
@ApplicationScoped
public class ConnectionHistory {

    private static final Logger LOG = Logger.getLogger(ConnectionHistory.class.getName());

    /** At most this many changes per transaction. */
    static final int BATCH = 500;

    /** Room for a storm of 50,000 devices' changes; beyond it callers write their own (back-pressure). */
    static final int QUEUE = 100_000;

    private record Pending(ConnectionChange change, Runnable afterCommit) {
    }

    @Inject
    DeviceConnections connections;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE);
    private volatile boolean running;
    private Thread writer;

    @PostConstruct
    void start() {
        running = true;
        writer = threads.newThread(this::writeUntilStopped);
        writer.setName("devicehub-connection-history");
        writer.setDaemon(true);
        writer.start();
    }

    /** Records that a device came online. */
    void record(ConnectionChange change) {
        record(change, null);
    }

    /** Records a change, then runs {@code afterCommit} (if any) once it is stored, or could not be. */
    void record(ConnectionChange change, Runnable afterCommit) {
        Pending pending = new Pending(change, afterCommit);
        if (!running || !queue.offer(pending)) {
            write(List.of(pending));
        }
    }

    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The connection-history writer failed; it goes on", e);
            } finally {
                batch.clear();
            }
        }
    }

    /** One transaction for the batch; if it fails, each change on its own, so one bad change costs only itself. */
    private void write(List<Pending> batch) {
        try {
            connections.record(batch.stream().map(Pending::change).toList());
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                LOG.log(Level.WARNING, "Could not record a device connection change", batchFailed);
            } else {
                for (Pending pending : batch) {
                    try {
                        connections.record(List.of(pending.change()));
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not record a device connection change", e);
                    }
                }
            }
        }
        for (Pending pending : batch) {
            if (pending.afterCommit() != null) {
                pending.afterCommit().run();
            }
        }
    }

    /** Stops taking changes and writes what is queued (callers write their own from now on). */
    @PreDestroy
    void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
            LOG.warning(() -> queue.size() + " device connection changes were not recorded at shutdown");
        }
    }
}
