package io.devicehub.client;

import io.devicehub.vocabulary.CloseCodes;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import static io.devicehub.client.TestJson.object;
import static io.devicehub.client.TestJson.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's behaviour on a connection, with the test playing the server on a {@link FakeNetwork}. */
class DeviceClientTest {

    private static final String SECRET = "k3Qm9TzX2fLw8RbV5nYc1HdP";
    private static final Duration QUIET = Duration.ofMillis(300);

    private final FakeNetwork network = new FakeNetwork();
    private final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
    private final List<ConnectionState> history = new CopyOnWriteArrayList<>();
    private DeviceClient client;

    private DeviceClient start(Resource... resources) {
        DeviceClientBuilder builder = DeviceClient.builder(URI.create("ws://localhost:1/ws/devices"))
                .account("alice").device("greenhouse-1").credential(SECRET)
                .connector(network)
                .random(() -> 0.0) // reconnect at once, so tests need not wait out the jitter
                .listener(history::add) // first: when a test sees a state in states, history has it too
                .listener(states::add);
        for (Resource resource : resources) {
            builder.resource(resource);
        }
        client = builder.build();
        client.start();
        return client;
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private ConnectionState awaitState(ConnectionState.Status status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            ConnectionState state = states.poll(100, TimeUnit.MILLISECONDS);
            if (state != null && state.status() == status) {
                return state;
            }
        }
        throw new AssertionError("never " + status + "; states: " + history);
    }

    private FakeNetwork.Connection online(Resource... resources) throws InterruptedException {
        start(resources);
        FakeNetwork.Connection connection = network.next();
        connection.welcome(30);
        assertTrue(client.awaitOnline(Duration.ofSeconds(5)));
        return connection;
    }

    @Test
    void theFirstMessageIsAuthWithAccountDeviceAndCredential() throws Exception {
        start();
        assertEquals(object(Messages.auth("alice", "greenhouse-1", SECRET)), object(network.next().socket().next()));
        assertEquals(ConnectionState.Status.CONNECTING, client.state().status());
    }

    @Test
    void afterWelcomeTheDeviceDescribesAllItsResourcesAndIsOnline() throws Exception {
        Resource led = Resource.input("led", input -> { }).example(JsonValue.TRUE);
        Resource reboot = Resource.run("reboot", () -> { }).description("Restarts the firmware");
        start(led, reboot);
        FakeNetwork.Connection connection = network.next();

        String description = connection.welcome(30);

        assertEquals(object(Messages.describe(List.of(led, reboot))), object(description));
        assertTrue(client.awaitOnline(Duration.ofSeconds(5)));
        assertEquals(1, client.counters().sessions());
    }

    @Test
    void aCallIsAnsweredOnItsConnectionAndCounted() throws Exception {
        FakeNetwork.Connection connection = online(Resource.inputOutput("echo", input -> input));

        connection.serverSends("{\"type\":\"call\",\"id\":\"c1-3\",\"resource\":\"echo\",\"input\":{\"any\":[1]}}");

        assertEquals(object("{\"type\":\"result\",\"id\":\"c1-3\",\"output\":{\"any\":[1]}}"),
                object(connection.socket().next()));
        awaitCounter(() -> client.counters().callsAnswered() == 1);
        assertEquals(3, client.counters().messagesSent());
        assertEquals(2, client.counters().messagesReceived());
    }

    @Test
    void aMessageDeliveredInPartsIsAssembledBeforeItIsHandled() throws Exception {
        FakeNetwork.Connection connection = online(Resource.inputOutput("echo", input -> input));

        connection.serverSendsInParts("{\"type\":\"call\",\"id\":\"c1\",", "\"resource\":\"ec", "ho\",\"input\":[1,2]}");

        assertEquals(object("{\"type\":\"result\",\"id\":\"c1\",\"output\":[1,2]}"), object(connection.socket().next()));
    }

    @Test
    void theDeviceAsksForOneMoreMessagePartAfterEachOne() throws Exception {
        start();
        FakeNetwork.Connection connection = network.next();
        assertEquals(1, connection.socket().requested.get());

        connection.serverSendsInParts("{\"type\":", "\"pong\"}");

        assertEquals(3, connection.socket().requested.get());
    }

    @Test
    void aPushIsADataMessageWithAnIdAndCompletesWhenTheServerStoredIt() throws Exception {
        FakeNetwork.Connection connection = online();

        CompletableFuture<Instant> stored = client.push("climate", value("{\"celsius\":21.5}"),
                Instant.parse("2026-12-02T08:00:00.250Z")).toCompletableFuture();

        JsonObject sent = object(connection.socket().next());
        assertEquals(object("{\"type\":\"data\",\"bucket\":\"climate\",\"value\":{\"celsius\":21.5},"
                + "\"ts\":\"2026-12-02T08:00:00.250Z\",\"id\":\"" + sent.getString("id") + "\"}"), sent);
        assertFalse(stored.isDone(), "not before the server says so");
        connection.serverSends("{\"type\":\"stored\",\"id\":\"" + sent.getString("id")
                + "\",\"ts\":\"2026-12-02T08:00:00.250Z\"}");
        assertEquals(Instant.parse("2026-12-02T08:00:00.250Z"), stored.get(5, TimeUnit.SECONDS));
        assertEquals(0, client.waitingPushes());
    }

    @Test
    void aValueWaitsWhileOfflineAndIsSentAgainAfterAReconnectUntilConfirmed() throws Exception {
        start();
        FakeNetwork.Connection first = network.next();
        CompletableFuture<Instant> stored = client.push("climate", JsonValue.TRUE).toCompletableFuture();

        assertEquals("describe", object(first.welcome(30)).getString("type"), "nothing but auth before welcome");
        JsonObject once = object(first.socket().next());
        assertEquals("data", once.getString("type"));
        first.serverCloses(1001, "");
        FakeNetwork.Connection second = network.next();
        second.welcome(30);
        JsonObject again = object(second.socket().next());
        assertEquals(once, again, "the same message, with the same id and timestamp: stored once whatever happens");
        second.serverSends("{\"type\":\"stored\",\"id\":\"" + again.getString("id") + "\",\"ts\":\""
                + again.getString("ts") + "\"}");
        assertEquals(Instant.parse(again.getString("ts")), stored.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aBacklogIsSentAgainFiftyASecondAfterAReconnect() throws Exception {
        FakeNetwork.Connection first = online();
        for (int i = 0; i < 120; i++) {
            client.push("climate", JsonValue.TRUE);
        }
        for (int i = 0; i < 120; i++) {
            assertEquals("data", object(first.socket().next()).getString("type"), "sent at once while online");
        }
        first.serverCloses(1001, "");
        FakeNetwork.Connection second = network.next();
        second.welcome(30);
        long welcomed = System.nanoTime();
        for (int i = 0; i < Deliveries.RESENT_PER_SECOND; i++) {
            assertEquals("data", object(second.socket().next()).getString("type"));
        }
        assertNull(second.socket().sent.poll(500, TimeUnit.MILLISECONDS), "the next fifty wait a second");
        for (int i = Deliveries.RESENT_PER_SECOND; i < 120; i++) {
            assertEquals("data", object(second.socket().next()).getString("type"));
        }
        assertTrue(System.nanoTime() - welcomed >= TimeUnit.SECONDS.toNanos(2), "120 take two seconds");
        assertEquals(120, client.waitingPushes(), "none confirmed yet");
    }

    @Test
    void aRefusalFailsThePushAndSlowDownSendsItAgainLater() throws Exception {
        FakeNetwork.Connection connection = online();
        CompletableFuture<Instant> unknown = client.push("nowhere", JsonValue.TRUE).toCompletableFuture();
        String id = object(connection.socket().next()).getString("id");
        connection.serverSends("{\"type\":\"error\",\"code\":\"unknown-bucket\",\"id\":\"" + id
                + "\",\"message\":\"No bucket 'nowhere' in your account.\"}");
        ExecutionException refused = assertThrows(ExecutionException.class, () -> unknown.get(5, TimeUnit.SECONDS));
        assertEquals("unknown-bucket", ((DataRefusedException) refused.getCause()).code());

        CompletableFuture<Instant> slow = client.push("climate", JsonValue.TRUE).toCompletableFuture();
        JsonObject first = object(connection.socket().next());
        connection.serverSends("{\"type\":\"error\",\"code\":\"slow-down\",\"id\":\"" + first.getString("id")
                + "\",\"message\":\"Later.\",\"retryAfter\":1}");
        assertEquals(first, object(connection.socket().next()), "sent again after its retryAfter");
        assertFalse(slow.isDone());
        assertTrue(client.state().isOnline());
    }

    @Test
    void pushesWithinOneMillisecondGetTheirOwnTimestamps() throws Exception {
        FakeNetwork.Connection connection = online();
        for (int i = 0; i < 5; i++) {
            client.push("climate", JsonValue.TRUE);
        }
        java.util.Set<String> timestamps = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            timestamps.add(object(connection.socket().next()).getString("ts"));
        }
        assertEquals(5, timestamps.size(), timestamps.toString());
    }

    @Test
    void aPushToABucketOutsideTheRulesFailsFast() throws Exception {
        online();
        assertThrows(IllegalArgumentException.class, () -> client.push("climate.inside", JsonValue.TRUE));
        assertThrows(IllegalArgumentException.class, () -> client.push("", JsonValue.TRUE));
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1011, 1013, 4408})
    void anUnexpectedCloseIsFollowedByAReconnect(int code) throws Exception {
        FakeNetwork.Connection first = online();

        first.serverCloses(code, "");

        ConnectionState offline = awaitState(ConnectionState.Status.OFFLINE);
        assertEquals(code, offline.closeCode().orElseThrow());
        assertEquals(Duration.ZERO, offline.retryIn().orElseThrow());
        FakeNetwork.Connection second = network.next();
        assertEquals("auth", object(second.socket().next()).getString("type"));
    }

    @ParameterizedTest
    @ValueSource(ints = {4401, 4409, 4410})
    void aCloseThatNeedsAPersonStopsTheClientForGood(int code) throws Exception {
        FakeNetwork.Connection connection = online();
        CompletableFuture<Instant> waiting = client.push("climate", JsonValue.TRUE).toCompletableFuture();
        assertEquals("data", object(connection.socket().next()).getString("type"));
        connection.serverCloses(code, "");

        ExecutionException failed = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS),
                "a value still waiting fails when the client stops, not only at close()");
        assertTrue(failed.getCause().getMessage().contains("stopped"), failed.getCause().getMessage());
        assertEquals(0, client.waitingPushes());
        ConnectionState stopped = awaitState(ConnectionState.Status.STOPPED);
        assertEquals(code, stopped.closeCode().orElseThrow());
        assertEquals(CloseCodes.describe(code), stopped.reason());
        assertNull(network.connections.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS), "reconnected");
        assertFalse(client.awaitOnline(Duration.ofSeconds(1)));
        assertTrue(client.push("climate", JsonValue.TRUE).toCompletableFuture().isCompletedExceptionally());
        assertThrows(IllegalStateException.class, client::start);
    }

    @Test
    void aCloseWith4429WaitsTheRetryAfterOfTheErrorBeforeIt() throws Exception {
        start();
        FakeNetwork.Connection connection = network.next();
        connection.serverSends("{\"type\":\"error\",\"code\":\"too-many-attempts\",\"message\":\"Wait.\",\"retryAfter\":8}");
        connection.serverCloses(4429, "");

        ConnectionState offline = awaitState(ConnectionState.Status.OFFLINE);
        assertEquals(Duration.ofSeconds(8), offline.retryIn().orElseThrow());
        assertNull(network.connections.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS), "reconnected too early");
    }

    @Test
    void aCloseWith4429WaitsTheRetryAfterOfItsReason() throws Exception {
        start();
        network.next().serverCloses(4429, "retryAfter=12");

        assertEquals(Duration.ofSeconds(12), awaitState(ConnectionState.Status.OFFLINE).retryIn().orElseThrow());
    }

    @Test
    void aConnectionThatCannotBeOpenedIsRetried() throws Exception {
        network.failures.add(new ConnectException("Connection refused"));
        start();

        ConnectionState offline = awaitState(ConnectionState.Status.OFFLINE);
        assertTrue(offline.reason().contains("Connection refused"), offline.reason());
        assertTrue(offline.closeCode().isEmpty());
        network.next();
    }

    @Test
    void closeEndsTheSessionWithNormalClosureAndNeverReconnects() throws Exception {
        FakeNetwork.Connection connection = online();

        client.close();

        assertEquals(1000, connection.socket().closeCode);
        assertEquals(ConnectionState.stopped(1000, "closed by the device").toString(), client.state().toString());
        assertNull(network.connections.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS), "reconnected");
    }

    @Test
    void closeMayBeCalledTwiceAndAClosedClientCannotStartAgain() throws Exception {
        online();
        client.close();
        client.close();
        assertThrows(IllegalStateException.class, client::start);
        awaitState(ConnectionState.Status.STOPPED);
        assertNull(states.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(1, history.stream().filter(ConnectionState::isStopped).count());
    }

    @Test
    void listenersSeeEveryStateInOrder() throws Exception {
        online();
        client.close();
        awaitState(ConnectionState.Status.STOPPED);

        assertEquals(List.of("CONNECTING", "ONLINE", "STOPPED 1000 closed by the device"),
                history.stream().map(ConnectionState::toString).toList());
    }

    @Test
    void aPingIsSentAfterAHeartbeatOfSilence() throws Exception {
        start();
        FakeNetwork.Connection connection = network.next();
        connection.welcome(1);
        long describedAt = System.nanoTime();

        assertEquals("{\"type\":\"ping\"}", connection.socket().next(Duration.ofSeconds(3)));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - describedAt);
        assertTrue(waitedMillis >= 900, "pinged after " + waitedMillis + " ms");
        connection.serverSends("{\"type\":\"pong\"}");
        assertEquals("{\"type\":\"ping\"}", connection.socket().next(Duration.ofSeconds(3)));
    }

    @Test
    void aConnectionWhosePingStaysUnansweredIsDroppedAndRenewed() throws Exception {
        start();
        FakeNetwork.Connection first = network.next();
        first.welcome(1);
        assertEquals("{\"type\":\"ping\"}", first.socket().next(Duration.ofSeconds(3)));

        ConnectionState offline = awaitState(ConnectionState.Status.OFFLINE);
        assertTrue(offline.reason().contains("no answer to a ping"), offline.reason());
        assertTrue(first.socket().aborted);
        network.next();
    }

    @Test
    void anAnswerThatIsReadyOnlyAfterItsConnectionClosedIsNotSentOnTheNextOne() throws Exception {
        CompletableFuture<JsonValue> slow = new CompletableFuture<>();
        FakeNetwork.Connection first = online(Resource.outputAsync("slow", () -> slow));
        first.serverSends("{\"type\":\"call\",\"id\":\"c1-1\",\"resource\":\"slow\"}");
        first.serverCloses(1001, "");
        FakeNetwork.Connection second = network.next();
        second.welcome(30);

        slow.complete(JsonValue.TRUE);

        assertNull(second.socket().sent.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS));
        assertNull(first.socket().sent.poll());
    }

    @Test
    void aMalformedMessageFromTheServerIsIgnored() throws Exception {
        FakeNetwork.Connection connection = online(Resource.run("reboot", () -> { }));
        Logger log = Logger.getLogger(DeviceClient.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.SEVERE); // the warning it logs is expected here
        try {
            connection.serverSends("not json");
        } finally {
            log.setLevel(level);
        }
        connection.serverSends("{\"type\":\"call\",\"id\":\"c\",\"resource\":\"reboot\"}");

        JsonObject answer = object(connection.socket().next());
        assertEquals("result", answer.getString("type"));
        assertTrue(client.state().isOnline());
    }

    private static void awaitCounter(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition never met");
            Thread.sleep(10);
        }
    }
}
