package io.devicehub.session;

import io.devicehub.protocol.CloseReasons;
import io.devicehub.vocabulary.CloseCodes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes messages to one WebSocket peer (a device, or a program on the WebSocket API), one at a time and without
 * blocking the caller: each is handed to the container's asynchronous sender when the previous one is done.
 * Messages are counted once written. A peer that does not read fast enough to keep the queue under its limit
 * ({@link SessionSettings#MAX_OUTBOX} for devices) is too slow to serve: {@link #send} says so and queues nothing,
 * and the caller {@link #abort}s the connection.
 * <p>
 * A peer that reads nothing at all leaves the container's write of one message unfinished for good; a close queued
 * behind it would never be sent, and the connection would stay open for as long as the peer likes. So a close
 * never waits long: {@link #abort} drops what is queued and closes at once, {@link #sendAndClose} gives the messages
 * before it {@value #CLOSE_GRACE_SECONDS} seconds, and a connection whose peer has not read its close frame
 * {@value #CLOSE_GRACE_SECONDS} seconds after that is terminated. A write the container has not finished in
 * {@value #STALL_SECONDS} seconds aborts as well.
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final ThreadLocal<Boolean> DRAINING = ThreadLocal.withInitial(() -> false);

    /** How long a last message and the close behind it may wait for the peer to read before it is closed anyway. */
    public static final int CLOSE_GRACE_SECONDS = 5;

    /**
     * How long the container may take to write one message before the peer counts as no longer reading. The
     * container takes megabytes before a write waits, so a peer that is merely slow never gets near this.
     */
    public static final int STALL_SECONDS = 10;
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(STALL_SECONDS);
    static final CloseReason STALLED = CloseReasons.of(CloseCodes.POLICY_VIOLATION, "too slow: nothing read for "
            + STALL_SECONDS + " s");

    private final Session session;
    private final int limit;
    private final ScheduledExecutorService timer;
    private final Consumer<String> written;
    /** A message to write, and the close that follows it, if any. */
    private record Item(String text, CloseReason closeAfter) {
    }

    private final Queue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    /** When the write the container has not finished yet began ({@link System#nanoTime}); 0 when none is. */
    private volatile long writingSince;
    private final AtomicBoolean stallCheck = new AtomicBoolean();
    private final AtomicBoolean aborted = new AtomicBoolean();
    /**
     * Found while the connection is surely this session's: once it is closed, the container recycles what the path
     * to it goes through, and a later look could find another connection.
     */
    private final ConnectionAbort connection;

    /**
     * @param limit   the most messages waiting to be written
     * @param timer   where the grace of {@link #sendAndClose} ends
     * @param written told of each message once it is written
     */
    public Outbox(Session session, int limit, ScheduledExecutorService timer, Consumer<String> written) {
        this.session = session;
        this.limit = limit;
        this.timer = timer;
        this.written = written;
        this.connection = ConnectionAbort.of(session).orElse(null);
    }

    /** @return {@code false} when the peer is too slow and the message was not queued */
    public boolean send(String text) {
        if (queued.incrementAndGet() > limit) {
            queued.decrementAndGet();
            return false;
        }
        queue.add(new Item(text, null));
        drain();
        return true;
    }

    /**
     * Writes a last message (if not {@code null}) after everything queued before it, then closes the session with
     * {@code reason}; if the peer has not read that far within {@value #CLOSE_GRACE_SECONDS} seconds, aborts.
     */
    public void sendAndClose(String text, CloseReason reason) {
        queued.incrementAndGet();
        queue.add(new Item(text, reason));
        drain();
        if (session.isOpen()) {
            later(weakly(outbox -> {
                if (outbox.session.isOpen()) {
                    outbox.abort(reason);
                }
            }), TimeUnit.SECONDS.toNanos(CLOSE_GRACE_SECONDS));
        }
    }

    /**
     * Drops every message not yet handed to the container and closes the session now, with {@code reason}: for a
     * peer too slow to serve. The container writes the close frame after what it already holds; a peer that has not
     * read that far within {@value #CLOSE_GRACE_SECONDS} seconds has its connection terminated
     * ({@link ConnectionAbort}).
     */
    public void abort(CloseReason reason) {
        if (!aborted.compareAndSet(false, true)) {
            return;
        }
        while (queue.poll() != null) {
            queued.decrementAndGet();
        }
        close(reason);
        if (connection != null) {
            later(connection::terminateIfOpen, TimeUnit.SECONDS.toNanos(CLOSE_GRACE_SECONDS));
        }
    }

    private void drain() {
        boolean outermost = !DRAINING.get();
        DRAINING.set(true);
        try {
            // A sender that completes on this very thread only clears 'writing'; this loop then takes the next
            // message, so that a long queue never becomes a deep recursion.
            while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
                Item next = queue.poll();
                if (next == null) {
                    writing.set(false);
                    continue;
                }
                write(next);
            }
        } finally {
            if (outermost) {
                DRAINING.set(false);
            }
        }
    }

    private void write(Item item) {
        if (item.text() == null) {
            written(item, new SendResult());
            return;
        }
        writingSince = System.nanoTime() | 1;
        watchForStall();
        try {
            session.getAsyncRemote().sendText(item.text(), result -> written(item, result));
        } catch (RuntimeException closed) {
            written(item, new SendResult(closed));
        }
    }

    private void written(Item item, SendResult result) {
        writingSince = 0;
        queued.decrementAndGet();
        if (result.isOK() && item.text() != null) {
            written.accept(item.text());
        }
        if (item.closeAfter() != null) {
            close(item.closeAfter());
        }
        writing.set(false);
        if (!DRAINING.get()) {
            drain();
        }
    }

    /**
     * A peer that stops reading can stop the container from reading it too (a thread of the container waits for the
     * peer with the upgrade's response still open), so no new message would ever find the queue full: the write
     * that does not finish is what tells. One check per outbox is scheduled at a time, and none while idle.
     */
    private void watchForStall() {
        if (stallCheck.compareAndSet(false, true) && !later(weakly(Outbox::checkForStall), STALL_NANOS)) {
            stallCheck.set(false);
        }
    }

    private void checkForStall() {
        long since = writingSince;
        if (since == 0 || !session.isOpen()) {
            stallCheck.set(false);
            if (writingSince != 0 && session.isOpen()) {
                watchForStall(); // a write began while this check was ending
            }
            return;
        }
        long waited = System.nanoTime() - since;
        if (waited >= STALL_NANOS) {
            abort(STALLED);
        } else {
            later(weakly(Outbox::checkForStall), STALL_NANOS - waited);
        }
    }

    /**
     * {@code action} on this outbox if it is still in use when the timer gets to it: a task waiting on the timer
     * must not keep a closed session's objects alive for seconds (thousands of sessions come and go that fast).
     */
    private Runnable weakly(Consumer<Outbox> action) {
        WeakReference<Outbox> self = new WeakReference<>(this);
        return () -> {
            Outbox outbox = self.get();
            if (outbox != null) {
                action.accept(outbox);
            }
        };
    }

    /** @return {@code false} when the timer is shut down: the application is stopping and closes every session */
    private boolean later(Runnable task, long delayNanos) {
        try {
            timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    private void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException alreadyClosed) {
            LOG.log(Level.FINE, "closing an ended session", alreadyClosed);
        }
    }
}
