package io.devicehub.bench.storm;

import io.devicehub.bench.report.Tally;
import io.devicehub.bench.websocket.Ending;

import io.devicehub.bench.websocket.LightClient;
import io.devicehub.bench.websocket.LightConnection;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storm's devices: first brought online with a bounded ramp, then, from the first connection the restart drops,
 * each one reconnecting on its own backoff schedule exactly as a device with the SDK would, and nothing bounding
 * them any more. Times are recorded per device; everything runs on the selector thread.
 */
final class StormDevices implements LightClient.Listener {

    /** What is known of one device after the restart. */
    static final class Device {
        final FullJitter backoff = new FullJitter();
        long onlineAgainNanos;
        long firstAttemptAfterReadyNanos;
    }

    /** The server asked to come back later: the SDK waits this long before its jittered backoff. */
    private static final long RETRY_AFTER_MILLIS = 1_000;

    private final LightConnection[] devices;
    private final int inFlight;
    private final SplittableRandom random = new SplittableRandom();
    private final AtomicInteger online = new AtomicInteger();
    private final AtomicInteger failedBeforeRestart = new AtomicInteger();
    private final AtomicLong attemptsAfterRestart = new AtomicLong();
    private final Tally endingsAfterRestart = new Tally();
    private LightClient client;
    private int next;
    private int attempting;
    private volatile boolean restarted;
    private volatile long firstDropNanos;
    private volatile long readyNanos;

    StormDevices(LightConnection[] devices, int inFlight) {
        this.devices = devices;
        this.inFlight = inFlight;
        for (LightConnection device : devices) {
            device.attach(new Device());
        }
    }

    void begin(LightClient on) {
        client = on;
        startMore();
    }

    /** The new server answers {@code /health}: attempts from now on are the ones the server is judged by. */
    void serverReady(long nanos) {
        readyNanos = nanos;
    }

    @Override
    public void online(LightConnection connection) {
        online.incrementAndGet();
        Device device = connection.attachment();
        if (restarted) {
            device.backoff.reset();
            if (device.onlineAgainNanos == 0) {
                device.onlineAgainNanos = System.nanoTime();
            }
        } else {
            attempting--;
            startMore();
        }
    }

    @Override
    public void ended(LightConnection connection, Ending ending) {
        if (ending.byClient()) {
            return;
        }
        if (!restarted && ending.phase() != LightConnection.Phase.ONLINE) {
            failedBeforeRestart.incrementAndGet();
            attempting--;
            startMore();
            return;
        }
        if (!restarted) {
            restarted = true;
            firstDropNanos = System.nanoTime();
        }
        if (ending.phase() == LightConnection.Phase.ONLINE) {
            online.decrementAndGet();
        }
        endingsAfterRestart.count(ending.kind());
        Device device = connection.attachment();
        long delay = device.backoff.nextMillis(random::nextDouble,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstDropNanos));
        if (ending.code() == 4429) {
            delay += RETRY_AFTER_MILLIS;
        }
        client.schedule(TimeUnit.MILLISECONDS.toNanos(delay), () -> attempt(connection));
    }

    private void attempt(LightConnection connection) {
        Device device = connection.attachment();
        attemptsAfterRestart.incrementAndGet();
        if (readyNanos != 0 && device.firstAttemptAfterReadyNanos == 0) {
            device.firstAttemptAfterReadyNanos = System.nanoTime();
        }
        client.connect(connection);
    }

    private void startMore() {
        while (attempting < inFlight && next < devices.length) {
            attempting++;
            client.connect(devices[next++]);
        }
    }

    int online() {
        return online.get();
    }

    int failedBeforeRestart() {
        return failedBeforeRestart.get();
    }

    boolean restarted() {
        return restarted;
    }

    long firstDropNanos() {
        return firstDropNanos;
    }

    long attemptsAfterRestart() {
        return attemptsAfterRestart.get();
    }

    Tally endingsAfterRestart() {
        return endingsAfterRestart;
    }

    /** Per device, from the server being ready to online again (0 if it was back before); -1 while offline. */
    long[] millisFromReady() {
        long[] millis = new long[devices.length];
        for (int i = 0; i < devices.length; i++) {
            Device device = devices[i].attachment();
            millis[i] = device.onlineAgainNanos == 0 ? -1
                    : Math.max(0, (device.onlineAgainNanos - readyNanos) / 1_000_000);
        }
        return millis;
    }

    /**
     * Per device that first tried after the server was ready, from that attempt to online: the server's part of the
     * wait, without the device's own backoff before its first attempt.
     */
    long[] millisFromFirstAttemptAfterReady() {
        return Arrays.stream(devices)
                .map(c -> (Device) c.attachment())
                .filter(d -> d.firstAttemptAfterReadyNanos != 0 && d.onlineAgainNanos != 0)
                .mapToLong(d -> (d.onlineAgainNanos - d.firstAttemptAfterReadyNanos) / 1_000_000)
                .toArray();
    }
}
