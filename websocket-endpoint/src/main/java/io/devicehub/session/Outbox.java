package io.devicehub.session;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes messages to one device, one at a time and without blocking the caller: each is handed to the
 * container's asynchronous sender when the previous one is done. Messages are counted once written. A device that
 * does not read fast enough to keep the queue under {@link SessionSettings#MAX_OUTBOX} is too slow to serve.
 */
final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final ThreadLocal<Boolean> DRAINING = ThreadLocal.withInitial(() -> false);

    private final Session session;
    private final Traffic traffic;
    /** A message to write, and the close that follows it, if any. */
    private record Item(String text, CloseReason closeAfter) {
    }

    private final Queue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();

    Outbox(Session session, Traffic traffic) {
        this.session = session;
        this.traffic = traffic;
    }

    /** @return {@code false} when the device is too slow and the message was not queued */
    boolean send(String text) {
        if (queued.incrementAndGet() > SessionSettings.MAX_OUTBOX) {
            queued.decrementAndGet();
            return false;
        }
        queue.add(new Item(text, null));
        drain();
        return true;
    }

    /**
     * Writes a last message (if not {@code null}) after everything queued before it, then closes the session with
     * {@code reason}.
     */
    void sendAndClose(String text, CloseReason reason) {
        queued.incrementAndGet();
        queue.add(new Item(text, reason));
        drain();
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
        try {
            session.getAsyncRemote().sendText(item.text(), result -> written(item, result));
        } catch (RuntimeException closed) {
            written(item, new SendResult(closed));
        }
    }

    private void written(Item item, SendResult result) {
        queued.decrementAndGet();
        if (result.isOK() && item.text() != null) {
            traffic.sent(item.text());
        }
        if (item.closeAfter() != null) {
            close(item.closeAfter());
        }
        writing.set(false);
        if (!DRAINING.get()) {
            drain();
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
