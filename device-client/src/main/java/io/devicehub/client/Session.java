package io.devicehub.client;

import io.devicehub.vocabulary.CloseCodes;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

/**
 * One WebSocket connection, from opening to its end: authenticates, describes the resources after {@code welcome},
 * answers calls, pings after {@code heartbeat} of silence and reports how it ended. A new connection is a new
 * session, so answers to calls of a closed connection can never leak into the next one.
 *
 * <p>The JDK calls the listener methods one at a time; they only decode and hand work on, and ask for the next
 * message ({@code request(1)}) when done, so a slow handler never stalls reading.
 */
final class Session implements WebSocket.Listener {

    private static final System.Logger LOG = System.getLogger(DeviceClient.class.getName());

    static final Duration WELCOME_TIMEOUT = Duration.ofSeconds(15);
    /** Server messages are small; this only stops a broken peer from filling the memory. */
    static final int MAX_MESSAGE_CHARS = 1 << 20;
    /** A timer may fire a little early; a ping at 29.99 s of a 30 s heartbeat is as good as one at 30 s. */
    private static final long TIMER_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** Everything a session needs from its client, fixed when the client is built. */
    record Settings(String account, String device, String credential, Map<String, Resource> resources,
                    String description, Executor executor, ScheduledExecutorService scheduler, Traffic traffic) {

        @Override
        public String toString() {
            return "Settings[" + account + "/" + device + ", " + resources.size() + " resources]";
        }
    }

    /**
     * How a session ended; {@code closeCode} is empty when the connection failed rather than closed, and
     * {@code retryAfter} is what a 4429 asked to wait (zero when it did not say, and for every other ending).
     */
    record Ending(OptionalInt closeCode, String reason, Duration retryAfter) {
    }

    /** The client's side of a session. */
    interface Owner {
        void welcomed(Session session, Incoming.Welcome welcome);

        void ended(Session session, Ending ending);

        /** The server answered a data message with an id: stored, or an error naming that id. */
        boolean answered(Session session, Incoming answer);
    }

    private final Settings settings;
    private final Owner owner;
    private final TextAssembler assembler = new TextAssembler(MAX_MESSAGE_CHARS);
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<Void> over = new CompletableFuture<>();
    private volatile boolean closing;
    private volatile WebSocket socket;
    private volatile SendChain sends;
    private volatile Incoming.Welcome welcome;
    private volatile CallDispatch calls;
    private volatile Duration retryAfter;
    private volatile ScheduledFuture<?> timer;
    private volatile long pingSentAt;

    Session(Settings settings, Owner owner) {
        this.settings = settings;
        this.owner = owner;
    }

    /** Connects; a failure to connect ends the session like a broken connection. */
    void open(DeviceClient.Connector connector, URI uri) {
        CompletableFuture<WebSocket> connected;
        try {
            connected = connector.connect(uri, this);
        } catch (RuntimeException e) {
            connected = CompletableFuture.failedFuture(e);
        }
        connected.whenComplete((ws, error) -> {
            if (error != null) {
                end(OptionalInt.empty(), "cannot connect: " + failure(error));
            }
        });
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        sends = new SendChain(webSocket, settings.traffic(), error -> abort("cannot send: " + failure(error)));
        if (closing) {
            webSocket.abort();
            return;
        }
        send(Messages.auth(settings.account(), settings.device(), settings.credential()));
        schedule(() -> abort("no welcome within " + WELCOME_TIMEOUT.toSeconds() + " s"), WELCOME_TIMEOUT.toNanos());
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String message;
        try {
            message = assembler.append(data, last);
        } catch (IllegalStateException e) {
            abort("the server sent " + e.getMessage());
            return null;
        }
        if (message != null) {
            receive(message);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        // The protocol has no binary messages; skip rather than fail, as a later version might add some.
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        String why = reason == null || reason.isBlank() ? CloseCodes.describe(statusCode) : reason;
        Duration wait = Duration.ZERO;
        if (statusCode == CloseCodes.TOO_MANY_REQUESTS) {
            // The error before the close and the close reason may both say how long; the longer one wins.
            Duration fromError = retryAfter == null ? Duration.ZERO : retryAfter;
            Duration fromReason = CloseCodes.retryAfter(reason).orElse(Duration.ZERO);
            wait = fromReason.compareTo(fromError) > 0 ? fromReason : fromError;
        }
        end(OptionalInt.of(statusCode), why, wait);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        end(OptionalInt.empty(), "connection failed: " + failure(error));
    }

    private void receive(String text) {
        settings.traffic().received.incrementAndGet();
        pingSentAt = 0;
        Incoming message;
        try {
            message = Incoming.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.log(WARNING, "{0}: ignoring a malformed message from the server: {1}", settings.device(),
                    e.getMessage());
            return;
        }
        if (message instanceof Incoming.Welcome w) {
            welcomed(w);
        } else if (message instanceof Incoming.Call call) {
            call(call);
        } else if (message instanceof Incoming.Stored stored) {
            owner.answered(this, stored);
        } else if (message instanceof Incoming.ServerError error) {
            if (error.id() == null || !owner.answered(this, error)) {
                serverError(error);
            }
        } else if (message instanceof Incoming.Unknown unknown) {
            LOG.log(DEBUG, "{0}: ignoring a message of unknown type {1}", settings.device(), unknown.type());
        }
    }

    private void welcomed(Incoming.Welcome w) {
        if (welcome != null) {
            return;
        }
        welcome = w;
        calls = new CallDispatch(settings.resources(), settings.executor(), w.maxFrameBytes());
        cancelTimer();
        if (Messages.utf8Length(settings.description()) <= w.maxFrameBytes()) {
            send(settings.description());
        } else {
            // Sending it would only get the connection closed with 1009, again after every reconnect.
            LOG.log(WARNING, "{0}: the description does not fit in {1} bytes; resources stay undeclared",
                    settings.device(), w.maxFrameBytes());
        }
        settings.traffic().sessions.incrementAndGet();
        owner.welcomed(this, w);
        scheduleHeartbeat(w.heartbeat().toNanos());
    }

    private void call(Incoming.Call call) {
        CallDispatch dispatch = calls;
        if (dispatch == null) {
            LOG.log(WARNING, "{0}: ignoring a call before welcome", settings.device());
            return;
        }
        dispatch.answer(call).thenAccept(answer -> {
            if (!ended.get()) {
                send(answer).thenRun(settings.traffic().answered::incrementAndGet);
            }
        });
    }

    private void serverError(Incoming.ServerError error) {
        error.retryAfter().ifPresent(wait -> retryAfter = wait);
        // Authentication errors end in a close code the listener reports; the rest point at a firmware problem.
        boolean expected = "unauthorized".equals(error.code()) || "too-many-attempts".equals(error.code());
        LOG.log(expected ? DEBUG : WARNING, "{0}: the server reported {1}: {2}", settings.device(), error.code(),
                error.message());
    }

    private void scheduleHeartbeat(long delayNanos) {
        if (!ended.get()) {
            schedule(this::heartbeat, delayNanos);
        }
    }

    private void schedule(Runnable task, long delayNanos) {
        try {
            timer = settings.scheduler().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Without timers there is no heartbeat, and the server would drop the session anyway.
            abort("the scheduler was shut down");
        }
    }

    private void heartbeat() {
        long heartbeat = welcome.heartbeat().toNanos();
        long now = System.nanoTime();
        long ping = pingSentAt;
        if (ping != 0 && now - ping >= heartbeat - TIMER_SLACK_NANOS) {
            abort("no answer to a ping within " + welcome.heartbeat().toSeconds() + " s");
            return;
        }
        long idle = now - sends.lastSentNanos();
        if (idle >= heartbeat - TIMER_SLACK_NANOS) {
            if (ping == 0) {
                pingSentAt = now;
            }
            send(Messages.ping());
            idle = 0;
        }
        scheduleHeartbeat(heartbeat - idle);
    }

    /** Queues a message; the future fails when it cannot be sent. */
    CompletableFuture<Void> send(String text) {
        SendChain chain = sends;
        if (chain == null || closing || ended.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        return chain.sendText(text);
    }

    /** Whether the server welcomed this session and it has not ended. */
    boolean isWelcomed() {
        return welcome != null && !ended.get();
    }

    /** The frame limit the server announced, or the protocol's default before {@code welcome}. */
    int maxFrameBytes() {
        Incoming.Welcome w = welcome;
        return w == null ? ProtocolRules.DEFAULT_MAX_FRAME_BYTES : w.maxFrameBytes();
    }

    /**
     * Closes on the device's initiative, after the messages already queued; the owner has let go already. The
     * future completes when the server acknowledged the close (or the connection ended otherwise).
     */
    CompletableFuture<Void> close(int code, String reason) {
        closing = true;
        cancelTimer();
        SendChain chain = sends;
        return chain == null ? CompletableFuture.completedFuture(null)
                : chain.sendClose(code, reason).thenCompose(sent -> over);
    }

    /** Drops the connection at once, e.g. when the peer stopped answering. */
    void abort(String reason) {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        end(OptionalInt.empty(), reason);
    }

    /**
     * A network failure in words: the JDK often wraps the telling message ("Connection refused") in exceptions
     * without one, and a refused handshake is only told by its HTTP status.
     */
    static String failure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketHandshakeException refused) {
                return "the server refused the WebSocket handshake (HTTP " + refused.getResponse().statusCode() + ")";
            }
            String message = cause.getMessage();
            if (message != null && !message.isBlank()
                    && !(cause instanceof CompletionException || cause instanceof ExecutionException)) {
                return message;
            }
        }
        // ConnectException: "typically, the connection was refused remotely", and the JDK gives no message.
        return hasCause(error, ConnectException.class) ? "connection refused" : CallDispatch.message(error);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private void end(OptionalInt closeCode, String reason) {
        end(closeCode, reason, Duration.ZERO);
    }

    private void end(OptionalInt closeCode, String reason, Duration retryAfterAtLeast) {
        if (ended.compareAndSet(false, true)) {
            cancelTimer();
            owner.ended(this, new Ending(closeCode, reason, retryAfterAtLeast));
            over.complete(null);
        }
    }

    private void cancelTimer() {
        ScheduledFuture<?> current = timer;
        if (current != null) {
            current.cancel(false);
        }
    }
}
