package io.devicehub.bench.calls;

import io.devicehub.bench.websocket.Ending;
import io.devicehub.bench.websocket.LightClient;
import io.devicehub.bench.websocket.LightConnection;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Relayed calls through the WebSocket API ({@code /ws/api}): a few program sockets on the NIO client, each
 * authenticated with the access token's {@code auth} message, carrying many calls at once, each
 * {@code {"type":"call","id":<sequence>,"device":<echo device>,"resource":"echo","input":{"n":<sequence>}}}
 * round-robin over the echo devices and the sockets. A call succeeds when its {@code result} comes back with its
 * own input; an {@code error} counts by its problem type. The answer's id and output are found by their text (the
 * server writes compact JSON), so that the one client thread is not the limit.
 */
final class ApiSocketCalls implements LightClient.Listener, CallTarget {

    private static final String ID = "\"id\":\"";

    private final LightConnection[] sockets;
    private final String[] devices;
    private final Map<String, CompletableFuture<String>> pending = new HashMap<>();
    private final AtomicInteger online = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private LightClient client;
    private int next;

    ApiSocketCalls(LightConnection[] sockets, String[] devices) {
        this.sockets = sockets;
        this.devices = devices.clone();
    }

    /** Connects every socket; selector thread. */
    void begin(LightClient on) {
        client = on;
        for (LightConnection socket : sockets) {
            client.connect(socket);
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
        CompletableFuture<String> answer = new CompletableFuture<>();
        client.execute(() -> {
            String id = Long.toString(sequence);
            LightConnection socket = sockets[next++ % sockets.length];
            pending.put(id, answer);
            String device = devices[(int) (sequence % devices.length)];
            if (!client.send(socket, "{\"type\":\"call\",\"id\":\"" + id + "\",\"device\":\"" + device
                    + "\",\"resource\":\"echo\",\"input\":{\"n\":" + id + "}}")) {
                pending.remove(id);
                answer.complete("socket not online");
            }
        });
        return answer;
    }

    @Override
    public void online(LightConnection socket) {
        online.incrementAndGet();
    }

    @Override
    public void message(LightConnection socket, String text, long receivedNanos) {
        int at = text.indexOf(ID);
        if (at < 0) {
            return; // pong
        }
        int from = at + ID.length();
        String id = text.substring(from, text.indexOf('"', from));
        CompletableFuture<String> answer = pending.remove(id);
        if (answer == null) {
            return;
        }
        if (text.startsWith("{\"type\":\"result\"") && text.contains("\"output\":{\"n\":" + id + "}")) {
            answer.complete(null);
        } else if (text.startsWith("{\"type\":\"error\"")) {
            int type = text.indexOf("problem:");
            answer.complete("error " + (type < 0 ? "?" : text.substring(type + 8, text.indexOf('"', type))));
        } else {
            answer.complete("wrong answer");
        }
    }

    @Override
    public void ended(LightConnection socket, Ending ending) {
        if (!ending.byClient()) {
            online.decrementAndGet();
            dropped.incrementAndGet();
        }
    }
}
