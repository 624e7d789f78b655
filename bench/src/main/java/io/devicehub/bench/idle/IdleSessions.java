package io.devicehub.bench.idle;

import io.devicehub.bench.report.Tally;
import io.devicehub.bench.websocket.Ending;

import io.devicehub.bench.websocket.LightClient;
import io.devicehub.bench.websocket.LightConnection;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brings devices online with at most {@code inFlight} attempts open at a time (a ramp the server's accept queue can
 * take, as a fleet coming online over a minute would be), up to a limit that can be raised in stages, and never
 * reconnects: a session that ends while the benchmark holds it is counted as dropped.
 */
final class IdleSessions implements LightClient.Listener {

    private final LightConnection[] devices;
    private final int inFlight;
    private final AtomicInteger online = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Tally failures = new Tally();
    private final Tally drops = new Tally();
    private LightClient client;
    private int next;
    private int attempting;
    private int limit;
    private volatile long stageStartNanos;
    private volatile long lastOnlineNanos;
    private long rampNanos;

    IdleSessions(LightConnection[] devices, int inFlight) {
        this.devices = devices;
        this.inFlight = inFlight;
    }

    /** Starts the ramp, or raises its limit to {@code upTo} devices; selector thread. */
    void rampTo(LightClient on, int upTo) {
        client = on;
        stageStartNanos = System.nanoTime();
        limit = Math.min(upTo, devices.length);
        startMore();
    }

    @Override
    public void online(LightConnection connection) {
        online.incrementAndGet();
        lastOnlineNanos = System.nanoTime();
        attempting--;
        startMore();
    }

    @Override
    public void ended(LightConnection connection, Ending ending) {
        if (ending.byClient()) {
            return;
        }
        if (ending.phase() == LightConnection.Phase.ONLINE) {
            online.decrementAndGet();
            dropped.incrementAndGet();
            drops.count(ending.kind());
        } else {
            failed.incrementAndGet();
            failures.count(ending.kind());
            attempting--;
            startMore();
        }
    }

    private void startMore() {
        while (attempting < inFlight && next < limit) {
            attempting++;
            client.connect(devices[next++]);
        }
    }

    /** Whether every device up to {@code upTo} came online or failed. */
    boolean settled(int upTo) {
        return online.get() + failed.get() + dropped.get() >= Math.min(upTo, devices.length);
    }

    int online() {
        return online.get();
    }

    int failed() {
        return failed.get();
    }

    int dropped() {
        return dropped.get();
    }

    Tally failures() {
        return failures;
    }

    Tally drops() {
        return drops;
    }

    /** Ends a stage of the ramp: its time, from raising the limit to the last welcome, counts. */
    void stageSettled() {
        long last = lastOnlineNanos;
        if (last - stageStartNanos > 0) {
            rampNanos += last - stageStartNanos;
        }
    }

    /** The time the stages took, without the pauses between them. */
    long rampMillis() {
        return rampNanos / 1_000_000;
    }
}
