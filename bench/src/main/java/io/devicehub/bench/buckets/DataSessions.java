package io.devicehub.bench.buckets;

import io.devicehub.bench.calls.CallTarget;
import io.devicehub.bench.websocket.Ending;
import io.devicehub.bench.websocket.LightClient;
import io.devicehub.bench.websocket.LightConnection;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Devices writing records with the protocol's {@code data} message, each with an {@code id} and a timestamp of its
 * own (distinct across devices, so none replaces another): a call completes when the server answers {@code stored}
 * (after its commit) or refuses the record ({@code slow-down}, …). Messages go round-robin over the online sessions;
 * every answer is matched by its id.
 */
final class DataSessions implements LightClient.Listener, CallTarget {

    /** Looked up once: {@code Json.createReader} searches the class path for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final LightConnection[] sessions;
    private final String bucket;
    private final long firstTs;
    private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger online = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong next = new AtomicLong();
    private LightClient client;

    DataSessions(LightConnection[] sessions, String bucket, long firstTs) {
        this.sessions = sessions;
        this.bucket = bucket;
        this.firstTs = firstTs;
    }

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

    /** Records the server answered {@code stored} for, over the whole run. */
    long stored() {
        return stored.get();
    }

    @Override
    public CompletableFuture<String> call(long sequence) {
        long n = next.getAndIncrement();
        String id = Long.toString(n);
        CompletableFuture<String> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        String message = "{\"type\":\"data\",\"bucket\":\"" + bucket + "\",\"id\":\"" + id + "\",\"ts\":"
                + (firstTs + n) + ",\"value\":{\"celsius\":" + (n % 400) / 10.0 + ",\"n\":" + n + "}}";
        client.execute(() -> {
            LightConnection session = sessions[(int) (n % sessions.length)];
            if (!client.send(session, message)) {
                settle(id, "session not online");
            }
        });
        return answer;
    }

    @Override
    public void online(LightConnection session) {
        online.incrementAndGet();
    }

    @Override
    public void message(LightConnection session, String text, long receivedNanos) {
        if (!text.contains("\"id\"")) {
            return; // pongs of the heartbeat; a slow-down without id
        }
        JsonObject answer;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            answer = reader.readObject();
        }
        String id = answer.getString("id", null);
        if (id == null) {
            return;
        }
        if ("stored".equals(answer.getString("type", ""))) {
            stored.incrementAndGet();
            settle(id, null);
        } else {
            settle(id, answer.getString("code", "error"));
        }
    }

    @Override
    public void ended(LightConnection session, Ending ending) {
        if (!ending.byClient()) {
            online.decrementAndGet();
            dropped.incrementAndGet();
        }
    }

    private void settle(String id, String failure) {
        CompletableFuture<String> answer = waiting.remove(id);
        if (answer != null) {
            answer.complete(failure);
        }
    }

    /** Messages sent but not answered (when the run ends, those the server lost or a dropped session took along). */
    int unanswered() {
        return waiting.size();
    }
}
