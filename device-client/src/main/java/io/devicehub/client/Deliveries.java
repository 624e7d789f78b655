package io.devicehub.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushed values the server has not yet confirmed, in the order they were pushed, each a {@code data} message with
 * an id: sent when the client is online, sent again after every reconnect (and after a "slow down") until the server
 * answers {@code stored} or refuses it. Each carries its own timestamp, so a value sent twice (its confirmation was
 * lost with the connection) replaces itself: at-least-once delivery that stores each value once. At most
 * {@value #MAX_WAITING} wait; beyond, a push fails at once.
 */
final class Deliveries {

    static final int MAX_WAITING = 1000;
    /** Values resent after a reconnect per second: half the server's default message rate per device. */
    static final int RESENT_PER_SECOND = 50;

    /** One waiting value. */
    record Delivery(String id, String message, CompletableFuture<Instant> stored) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Delivery> waiting = new LinkedHashMap<>();
    private final Map<String, Instant> lastTimestamp = new LinkedHashMap<>();

    /**
     * The timestamp of a value pushed now to {@code bucket}: the clock's millisecond, but never one this client
     * already gave the bucket, as the bucket would keep only the later of two values of one millisecond.
     */
    synchronized Instant timestampFor(String bucket, Instant clock) {
        Instant now = clock.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant last = lastTimestamp.get(bucket);
        Instant next = last != null && !now.isAfter(last) ? last.plusMillis(1) : now;
        lastTimestamp.put(bucket, next);
        return next;
    }

    /** A new id for a data message. */
    String nextId() {
        return "d" + Long.toString(sequence.incrementAndGet(), 36);
    }

    /** @return the value's stage, or {@code null} when {@value #MAX_WAITING} wait already */
    synchronized Delivery add(String id, String message) {
        if (waiting.size() >= MAX_WAITING) {
            return null;
        }
        Delivery delivery = new Delivery(id, message, new CompletableFuture<>());
        waiting.put(id, delivery);
        return delivery;
    }

    /** Everything still waiting, oldest first: what to send after a reconnect. */
    synchronized List<Delivery> all() {
        return new ArrayList<>(waiting.values());
    }

    /** The waiting value of this id, or {@code null}. */
    synchronized Delivery get(String id) {
        return waiting.get(id);
    }

    /** @return whether {@code id} was waiting */
    boolean stored(String id, Instant ts) {
        Delivery done;
        synchronized (this) {
            done = waiting.remove(id);
        }
        if (done != null) {
            done.stored().complete(ts);
        }
        return done != null;
    }

    /** @return whether {@code id} was waiting */
    boolean refused(String id, RuntimeException why) {
        Delivery done;
        synchronized (this) {
            done = waiting.remove(id);
        }
        if (done != null) {
            done.stored().completeExceptionally(why);
        }
        return done != null;
    }

    void failAll(RuntimeException why) {
        List<Delivery> left;
        synchronized (this) {
            left = new ArrayList<>(waiting.values());
            waiting.clear();
        }
        left.forEach(delivery -> delivery.stored().completeExceptionally(why));
    }

    synchronized int size() {
        return waiting.size();
    }

    /**
     * Sends what the last session did not get confirmed on a new one, oldest first (a value sent twice replaces
     * itself), {@value #RESENT_PER_SECOND} a second: a backlog of a thousand must not trip the server's message rate
     * (4429) itself. A value confirmed or refused meanwhile, or a session that ended, is skipped.
     */
    void resend(Session to, ScheduledExecutorService scheduler) {
        List<Delivery> backlog = all();
        for (int i = 0; i < backlog.size(); i++) {
            Delivery delivery = backlog.get(i);
            long delay = TimeUnit.SECONDS.toNanos(i / RESENT_PER_SECOND);
            if (delay == 0) {
                to.send(delivery.message());
                continue;
            }
            try {
                scheduler.schedule(() -> {
                    if (get(delivery.id()) != null && to.isWelcomed()) {
                        to.send(delivery.message());
                    }
                }, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                return; // the client is closing, which fails what still waits
            }
        }
    }
}
