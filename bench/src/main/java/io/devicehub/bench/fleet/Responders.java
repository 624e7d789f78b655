package io.devicehub.bench.fleet;

import io.devicehub.bench.report.Tally;
import io.devicehub.bench.websocket.Ending;
import io.devicehub.bench.websocket.LightClient;
import io.devicehub.bench.websocket.LightConnection;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The devices of the fleet benchmark: they come online at most {@code inFlight} attempts at a time, describe one
 * {@code output} resource, and answer every {@code call} with a result at once, on the client's selector thread.
 * The call's id is found by its member's text: the server writes compact JSON with {@code "id":"…"} (see
 * docs/protocol.md), and a full parser here would make the load generator, not the server, the limit.
 */
final class Responders implements LightClient.Listener {

    static final String DESCRIBE = "{\"type\":\"describe\",\"resources\":[{\"name\":\"temperature\","
            + "\"kind\":\"output\"}]}";
    private static final String ID = "\"id\":\"";

    private final LightConnection[] devices;
    private final int inFlight;
    private final AtomicInteger described = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();
    private final Tally failures = new Tally();
    private LightClient client;
    private int next;
    private int attempting;

    Responders(LightConnection[] devices, int inFlight) {
        this.devices = devices;
        this.inFlight = inFlight;
    }

    /** Starts connecting every device; selector thread. */
    void start(LightClient on) {
        client = on;
        startMore();
    }

    @Override
    public void online(LightConnection connection) {
        attempting--;
        client.send(connection, DESCRIBE);
        startMore();
    }

    @Override
    public void message(LightConnection connection, String text, long receivedNanos) {
        if (text.startsWith("{\"type\":\"call\"")) {
            int at = text.indexOf(ID);
            if (at > 0) {
                int from = at + ID.length();
                String id = text.substring(from, text.indexOf('"', from));
                client.send(connection, "{\"type\":\"result\",\"id\":\"" + id + "\",\"output\":21.5}");
                answered.incrementAndGet();
            }
        } else if (text.startsWith("{\"type\":\"described\"")) {
            described.incrementAndGet();
        }
    }

    @Override
    public void ended(LightConnection connection, Ending ending) {
        if (ending.byClient()) {
            return;
        }
        if (ending.phase() == LightConnection.Phase.ONLINE) {
            dropped.incrementAndGet();
        } else {
            attempting--;
            failed.incrementAndGet();
            failures.count(ending.kind());
            startMore();
        }
    }

    private void startMore() {
        while (attempting < inFlight && next < devices.length) {
            attempting++;
            client.connect(devices[next++]);
        }
    }

    /** Whether every device is described (online with its resource) or has failed. */
    boolean settled() {
        return described.get() + failed.get() + dropped.get() >= devices.length;
    }

    int described() {
        return described.get();
    }

    int failed() {
        return failed.get();
    }

    int dropped() {
        return dropped.get();
    }

    long answered() {
        return answered.get();
    }

    Tally failures() {
        return failures;
    }
}
