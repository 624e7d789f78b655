package io.devicehub.client;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A program's connection to DeviceHub's WebSocket API ({@code /ws/api}, docs/api-websocket.md): resource calls
 * multiplexed on one socket, and subscriptions to devices' connects, disconnects, statistics and
 * stored data.
 *
 * <pre>{@code
 * try (ApiClient api = ApiClient.connect(URI.create("ws://localhost:8080/ws/api"), token)) {
 *     JsonValue celsius = api.call("greenhouse-1", "temperature", null, Duration.ofSeconds(2)).join();
 *     api.subscribe("watch", List.of("connected", "disconnected"), null, event -> System.out.println(event));
 * }
 * }</pre>
 *
 * Calls complete with the device's output ({@link JsonValue#NULL} for resources without one) or fail with an
 * {@link ApiCallException} carrying the server's problem. The server takes {@link #maxInFlight()} calls at once on a
 * socket and refuses more ({@code too-many-calls}); this client passes that on rather than queueing. It does not
 * reconnect: a closed socket fails what is in flight, and {@link #closed()} completes with the close code.
 */
public final class ApiClient implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Consumer<JsonObject>> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<JsonObject> welcome = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final TextAssembler text = new TextAssembler(1 << 20);
    private SendChain out;

    private ApiClient() {
    }

    /**
     * Opens the socket with the token in the upgrade's {@code Authorization} header and waits for the welcome.
     *
     * @throws ApiCallException when the server refuses the token (its problem), or does not welcome in time
     */
    public static ApiClient connect(URI endpoint, String token) throws InterruptedException {
        ApiClient client = new ApiClient();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .buildAsync(endpoint, client.new Listener()).join();
        client.out = new SendChain(socket, new Traffic(), failure -> client.ended("the socket failed: " + failure));
        try {
            client.welcome.get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException refused) {
            socket.abort();
            throw refused.getCause() instanceof ApiCallException api ? api
                    : new ApiCallException("not welcomed: " + refused.getCause());
        } catch (TimeoutException late) {
            socket.abort();
            throw new ApiCallException("no welcome within " + CONNECT_TIMEOUT.toSeconds() + " s");
        }
        return client;
    }

    /** The most calls the server takes in flight on this socket. */
    public int maxInFlight() {
        return welcome.join().getInt("maxInFlight");
    }

    /**
     * Calls a resource.
     *
     * @param input   the input for {@code input} and {@code input/output} resources, {@code null} for the others
     * @param timeout how long the server waits for the device, {@code null} for its default
     */
    public CompletableFuture<JsonValue> call(String device, String resource, JsonValue input, Duration timeout) {
        String id = Long.toString(ids.incrementAndGet());
        JsonObjectBuilder call = Json.createObjectBuilder().add("type", "call").add("id", id).add("device", device)
                .add("resource", resource);
        if (input != null) {
            call.add("input", input);
        }
        if (timeout != null) {
            call.add("timeout", timeout.toMillis());
        }
        return request(id, call.build())
                .thenApply(result -> result.containsKey("output") ? result.get("output") : JsonValue.NULL);
    }

    /**
     * Subscribes to device events: {@code connected}, {@code disconnected}, {@code statistics}, {@code data}.
     *
     * @param devices the devices to hear, {@code null} for all the token may see
     * @param each    told of each event (the whole {@code event} message), on the socket's thread: keep it short
     */
    public CompletableFuture<Void> subscribe(String id, Collection<String> events, Collection<String> devices,
                                             Consumer<JsonObject> each) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        events.forEach(names::add);
        JsonObjectBuilder subscribe = Json.createObjectBuilder().add("type", "subscribe").add("id", id)
                .add("events", names);
        if (devices != null) {
            JsonArrayBuilder identifiers = Json.createArrayBuilder();
            devices.forEach(identifiers::add);
            subscribe.add("devices", identifiers);
        }
        subscriptions.put(id, each);
        return request(id, subscribe.build()).handle((answer, failure) -> {
            if (failure != null) {
                subscriptions.remove(id);
                throw failure instanceof RuntimeException runtime ? runtime : new ApiCallException(failure.toString());
            }
            return null;
        });
    }

    public CompletableFuture<Void> unsubscribe(String id) {
        return request(id, Json.createObjectBuilder().add("type", "unsubscribe").add("id", id).build())
                .thenRun(() -> subscriptions.remove(id));
    }

    /** Completes with the close code when the socket has closed. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        out.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        ended("the client closed the socket");
    }

    private CompletableFuture<JsonObject> request(String id, JsonObject message) {
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        if (waiting.putIfAbsent(id, answer) != null) {
            answer.completeExceptionally(new ApiCallException("the id " + id + " is in use"));
            return answer;
        }
        out.sendText(message.toString()).whenComplete((sent, failure) -> {
            if (failure != null && waiting.remove(id, answer)) {
                answer.completeExceptionally(new ApiCallException("not sent: " + failure));
            }
        });
        return answer;
    }

    private void received(String message) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(message))) {
            json = reader.readObject();
        }
        String type = json.getString("type", "");
        String id = json.getString("id", null);
        switch (type) {
            case "welcome" -> welcome.complete(json);
            case "event" -> {
                Consumer<JsonObject> each = subscriptions.get(json.getString("subscription", ""));
                if (each != null) {
                    each.accept(json);
                }
            }
            case "error" -> {
                ApiCallException failure = new ApiCallException(json.getJsonObject("problem"));
                CompletableFuture<JsonObject> answer = id == null ? null : waiting.remove(id);
                if (answer != null) {
                    answer.completeExceptionally(failure);
                } else if (!welcome.isDone()) {
                    welcome.completeExceptionally(failure);
                }
            }
            default -> {
                CompletableFuture<JsonObject> answer = id == null ? null : waiting.remove(id);
                if (answer != null) {
                    answer.complete(json);
                }
            }
        }
    }

    private void ended(String why) {
        ApiCallException gone = new ApiCallException(why);
        welcome.completeExceptionally(gone);
        waiting.values().forEach(answer -> answer.completeExceptionally(gone));
        waiting.clear();
    }

    private final class Listener implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence part, boolean last) {
            String message = text.append(part, last);
            if (message != null) {
                received(message);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            ended("the server closed the socket: " + code + " " + reason);
            closed.complete(code);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable failure) {
            ended("the socket failed: " + failure);
            closed.complete(1006);
        }
    }
}
