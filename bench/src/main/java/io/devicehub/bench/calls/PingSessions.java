package io.devicehub.bench.calls;

import io.devicehub.bench.websocket.Ending;
import io.devicehub.bench.websocket.LightClient;
import io.devicehub.bench.websocket.LightConnection;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The raw WebSocket round trip on the same server: a {@code ping} on an authenticated device session and the
 * server's {@code pong}, the cheapest exchange the endpoint has. Each session carries one ping at a time, and
 * sends at most {@value #PER_SESSION_PER_SECOND} a second: the server closes sessions sending more than 100 messages
 * a second, so the most this can measure is sessions × {@value #PER_SESSION_PER_SECOND} round trips a second.
 */
final class PingSessions implements LightClient.Listener, CallTarget {

    static final int PER_SESSION_PER_SECOND = 80;
    private static final long MIN_GAP_NANOS = TimeUnit.SECONDS.toNanos(1) / PER_SESSION_PER_SECOND;
    private static final String PING = "{\"type\":\"ping\"}";
    private static final String PONG = "{\"type\":\"pong\"}";

    /** A ping waiting to be sent or answered. */
    private static final class Pending {
        final CompletableFuture<String> answer = new CompletableFuture<>();
    }

    /** Per session: the ping it carries, and when it last sent one. */
    private static final class Carrier {
        Pending pending;
        long lastSentNanos;
    }

    private final LightConnection[] sessions;
    private final ArrayDeque<LightConnection> free = new ArrayDeque<>();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final AtomicInteger online = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private LightClient client;

    PingSessions(LightConnection[] sessions) {
        this.sessions = sessions;
        for (LightConnection session : sessions) {
            session.attach(new Carrier());
        }
    }

    /** Connects every session; selector thread. */
    void begin(LightClient on) {
        client = on;
        for (LightConnection session : sessions) {
            client.connect(session);
        }
    }

    int online() {
        return online.get();
    }

    int dropped() {
        return dropped.get();
    }

    @Override
    public CompletableFuture<String> call(long sequence) {
        Pending ping = new Pending();
        client.execute(() -> {
            waiting.add(ping);
            dispatch();
        });
        return ping.answer;
    }

    @Override
    public void online(LightConnection session) {
        online.incrementAndGet();
        free.add(session);
        dispatch();
    }

    @Override
    public void message(LightConnection session, String text, long receivedNanos) {
        Carrier carrier = session.attachment();
        if (!PONG.equals(text) || carrier.pending == null) {
            return; // the heartbeat's own pongs, when the benchmark is idle
        }
        Pending answered = carrier.pending;
        carrier.pending = null;
        answered.answer.complete(null);
        long ready = carrier.lastSentNanos + MIN_GAP_NANOS - System.nanoTime();
        if (ready > 0) {
            client.schedule(ready, () -> release(session));
        } else {
            release(session);
        }
    }

    @Override
    public void ended(LightConnection session, Ending ending) {
        Carrier carrier = session.attachment();
        free.remove(session);
        if (!ending.byClient()) {
            online.decrementAndGet();
            dropped.incrementAndGet();
        }
        if (carrier.pending != null) {
            carrier.pending.answer.complete("session closed: " + ending.kind());
            carrier.pending = null;
        }
    }

    private void release(LightConnection session) {
        if (session.phase() == LightConnection.Phase.ONLINE) {
            free.add(session);
            dispatch();
        }
    }

    private void dispatch() {
        while (!waiting.isEmpty() && !free.isEmpty()) {
            LightConnection session = free.poll();
            Carrier carrier = session.attachment();
            carrier.pending = waiting.poll();
            carrier.lastSentNanos = System.nanoTime();
            if (!client.send(session, PING)) {
                carrier.pending.answer.complete("session not online");
                carrier.pending = null;
            }
        }
    }
}
