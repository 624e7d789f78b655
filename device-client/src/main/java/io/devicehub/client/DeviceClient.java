package io.devicehub.client;

import io.devicehub.vocabulary.CloseCodes;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.lang.System.Logger.Level.WARNING;

/**
 * Keeps one device connected to DeviceHub: authenticates, declares the device's resources, answers calls, pushes
 * data, pings when idle, and reconnects with exponential backoff and full jitter after anything but a close that
 * needs a person (4401, 4409, 4410), which stops it for good.
 *
 * <pre>{@code
 * DeviceClient client = DeviceClient.builder(URI.create("ws://localhost:8080/ws/devices"))
 *         .account("alice").device("greenhouse-1").credential(secret)
 *         .resource(Resource.output("temperature", sensor::read).example(example))
 *         .resource(Resource.input("led", led::set).example(JsonValue.TRUE))
 *         .listener(state -> log(state))
 *         .build();
 * client.start();
 * client.push("climate", reading).thenAccept(stored -> log("stored as " + stored));
 * client.close();
 * }</pre>
 *
 * <p>All methods are thread-safe. Handlers and listeners run on the client's executor (see
 * {@link DeviceClientBuilder}); the network threads only decode messages.
 */
public final class DeviceClient implements AutoCloseable {

    /** Opens a WebSocket; tests replace it with one that needs no network. */
    @FunctionalInterface
    interface Connector {
        CompletableFuture<WebSocket> connect(URI uri, WebSocket.Listener listener);
    }

    private static final System.Logger LOG = System.getLogger(DeviceClient.class.getName());

    /** How long {@link #close()} waits for the server to acknowledge the close. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final URI uri;
    private final Session.Settings settings;
    private final List<ConnectionListener> listeners;
    private final Connector connector;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService ownedExecutor;
    private final boolean ownsScheduler;
    private final Traffic traffic;
    private final Session.Owner owner = new Session.Owner() {
        @Override
        public void welcomed(Session session, Incoming.Welcome welcome) {
            sessionWelcomed(session);
        }

        @Override
        public void ended(Session session, Session.Ending ending) {
            sessionEnded(session, ending);
        }

        @Override
        public boolean answered(Session session, Incoming answer) {
            return deliveryAnswered(session, answer);
        }
    };
    private final Deliveries deliveries = new Deliveries();

    private final Object lock = new Object();
    private final Backoff backoff;
    private ConnectionState state = ConnectionState.NOT_STARTED;
    private Session session;
    private ScheduledFuture<?> retry;
    private boolean started;
    private boolean closed;
    private CompletableFuture<Void> notifications = CompletableFuture.completedFuture(null);

    /** What {@link DeviceClientBuilder#build()} put together; {@code owned*} are shut down by {@link #close()}. */
    record Parts(URI uri, Session.Settings settings, List<ConnectionListener> listeners, Connector connector,
                 Backoff backoff, ExecutorService ownedExecutor, boolean ownsScheduler) {
    }

    DeviceClient(Parts parts) {
        this.uri = parts.uri();
        this.settings = parts.settings();
        this.listeners = List.copyOf(parts.listeners());
        this.connector = parts.connector();
        this.executor = settings.executor();
        this.scheduler = settings.scheduler();
        this.ownedExecutor = parts.ownedExecutor();
        this.ownsScheduler = parts.ownsScheduler();
        this.traffic = settings.traffic();
        this.backoff = parts.backoff();
    }

    /**
     * Starts building a client for the DeviceHub at {@code uri}, e.g. {@code ws://localhost:8080/ws/devices}.
     *
     * @throws IllegalArgumentException unless {@code uri} is an absolute {@code ws://} or {@code wss://} URI
     */
    public static DeviceClientBuilder builder(URI uri) {
        return new DeviceClientBuilder(uri);
    }

    /**
     * Connects in the background and stays connected until {@link #close()} or a final close code. Returns at once;
     * watch the {@link ConnectionListener} or {@link #awaitOnline(Duration)}.
     *
     * @throws IllegalStateException when started before, or already stopped
     */
    public void start() {
        synchronized (lock) {
            if (closed || state.isStopped()) {
                throw new IllegalStateException("this client has stopped (" + state + "); build a new one");
            }
            if (started) {
                throw new IllegalStateException("this client was started already");
            }
            started = true;
        }
        connect();
    }

    private void connect() {
        Session next;
        synchronized (lock) {
            if (closed || state.isStopped()) {
                return;
            }
            retry = null;
            next = new Session(settings, owner);
            session = next;
            changeState(ConnectionState.CONNECTING);
        }
        next.open(connector, uri);
    }

    private void sessionWelcomed(Session welcomed) {
        synchronized (lock) {
            if (welcomed != session) {
                return;
            }
            backoff.reset();
            changeState(ConnectionState.ONLINE);
        }
        deliveries.resend(welcomed, scheduler);
    }

    private boolean deliveryAnswered(Session from, Incoming answer) {
        if (answer instanceof Incoming.Stored stored) {
            Instant ts;
            try {
                ts = Instant.parse(stored.ts());
            } catch (RuntimeException unreadable) {
                ts = null;
            }
            return stored.id() != null && deliveries.stored(stored.id(), ts);
        }
        if (!(answer instanceof Incoming.ServerError error) || deliveries.get(error.id()) == null) {
            return false;
        }
        if ("slow-down".equals(error.code())) {
            Deliveries.Delivery again = deliveries.get(error.id());
            // After retryAfter, spread over as long again: values refused together do not all return together.
            long after = error.retryAfter().orElse(Backoff.BASE).toNanos();
            long wait = after + java.util.concurrent.ThreadLocalRandom.current().nextLong(after + 1);
            try {
                scheduler.schedule(() -> {
                    if (deliveries.get(again.id()) != null && from.isWelcomed()) {
                        from.send(again.message());
                    }
                }, wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                deliveries.refused(error.id(), new DataRefusedException("slow-down", error.message()));
            }
            return true;
        }
        return deliveries.refused(error.id(), new DataRefusedException(error.code(), error.message()));
    }

    private void sessionEnded(Session ended, Session.Ending ending) {
        ConnectionState stopped;
        synchronized (lock) {
            if (ended != session) {
                return;
            }
            session = null;
            if (closed) {
                return;
            }
            if (state.status() == ConnectionState.Status.ONLINE) {
                backoff.sessionLost();
            }
            int code = ending.closeCode().orElse(-1);
            if (!CloseCodes.isFinal(code)) {
                retryLater(ending, code);
                return;
            }
            stopped = ConnectionState.stopped(code, ending.reason());
            changeState(stopped);
        }
        // Outside the lock: completing a stage runs the caller's dependent stages on this thread.
        deliveries.failAll(new IllegalStateException("the client stopped (" + stopped + ") before the server "
                + "confirmed this value"));
    }

    /** Schedules the next connection after a session that ended, as its close asks; the caller holds the lock. */
    private void retryLater(Session.Ending ending, int code) {
        Duration delay = code == CloseCodes.TOO_MANY_REQUESTS
                ? backoff.next(ending.retryAfter().isZero() ? Backoff.BASE : ending.retryAfter())
                : backoff.next();
        changeState(ConnectionState.offline(ending.reason(), ending.closeCode(), delay));
        try {
            retry = scheduler.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            changeState(ConnectionState.stopped(CloseCodes.NORMAL_CLOSURE, "the scheduler was shut down"));
        }
    }

    /** Records and announces a new state; the caller holds the lock, so listeners see states in order. */
    private void changeState(ConnectionState next) {
        state = next;
        lock.notifyAll();
        if (!listeners.isEmpty()) {
            notifications = notifications.handle((done, error) -> null).thenRunAsync(() -> announce(next), executor);
        }
    }

    private void announce(ConnectionState announced) {
        for (ConnectionListener listener : listeners) {
            try {
                listener.stateChanged(announced);
            } catch (RuntimeException e) {
                LOG.log(WARNING, "A connection listener of " + settings.device() + " failed", e);
            }
        }
    }

    /**
     * Pushes a value into a data bucket, stamped with this device's clock (at the millisecond, never two in one
     * millisecond to one bucket).
     *
     * @return the stage of the value: complete with its timestamp once the server has stored it (committed); failed
     * with {@link DataRefusedException} when the server refuses it (an unknown or disabled bucket…), or with
     * {@link IllegalStateException} when {@value Deliveries#MAX_WAITING} values wait already, or when the client is
     * closed or stops for good (4401, 4409, 4410) before the server answered.
     * A value waits while the client is offline and is sent again after every reconnect until the server answers:
     * at-least-once delivery, and as it keeps its timestamp a value sent twice is stored once.
     * @throws IllegalArgumentException for a bucket name outside the protocol's rules, or a message larger than
     *                                  the server's frame limit
     */
    public CompletionStage<Instant> push(String bucket, JsonValue value) {
        ProtocolRules.bucket(bucket);
        return push(bucket, value, deliveries.timestampFor(bucket, Instant.now()));
    }

    /** Pushes a value measured at {@code timestamp} (milliseconds count); otherwise like {@link #push(String, JsonValue)}. */
    public CompletionStage<Instant> push(String bucket, JsonValue value, Instant timestamp) {
        ProtocolRules.bucket(bucket);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(timestamp, "timestamp");
        String id = deliveries.nextId();
        String message = Messages.data(bucket, value, timestamp, id);
        Session current;
        synchronized (lock) {
            if (closed || state.isStopped()) {
                return CompletableFuture.failedFuture(new IllegalStateException("the client has stopped"));
            }
            current = state.isOnline() ? session : null;
        }
        int limit = current == null ? ProtocolRules.DEFAULT_MAX_FRAME_BYTES : current.maxFrameBytes();
        int bytes = Messages.utf8Length(message);
        if (bytes > limit) {
            throw new IllegalArgumentException("a data message of " + bytes + " bytes for bucket '" + bucket
                    + "' exceeds the server's limit of " + limit + " bytes");
        }
        Deliveries.Delivery delivery = deliveries.add(id, message);
        if (delivery == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(Deliveries.MAX_WAITING
                    + " pushed values wait for the server already"));
        }
        if (current != null) {
            current.send(message);
        }
        return delivery.stored();
    }

    /** Pushed values the server has not confirmed yet. */
    public int waitingPushes() {
        return deliveries.size();
    }

    /** The current state; a client that was not started yet is {@code OFFLINE} with reason "not started". */
    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The traffic so far, over all connections. */
    public Counters counters() {
        return traffic.snapshot();
    }

    /** The device identifier this client authenticates as. */
    public String device() {
        return settings.device();
    }

    /**
     * Waits until the client is online.
     *
     * @return {@code true} once online; {@code false} when the timeout passed or the client stopped first
     * @throws IllegalStateException when the client was never started, as it would then never get online
     */
    public boolean awaitOnline(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            if (!started && !state.isStopped()) {
                throw new IllegalStateException("start() the client before waiting for it");
            }
            while (!state.isOnline()) {
                long left = deadline - System.nanoTime();
                if (state.isStopped() || left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /**
     * Closes the connection with normal closure (1000) and stops for good: no reconnect, state {@code STOPPED}.
     * Waits at most about two seconds for the server to acknowledge. Calling it again does nothing.
     */
    @Override
    public void close() {
        Session current;
        CompletableFuture<Void> announced;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (retry != null) {
                retry.cancel(false);
            }
            current = session;
            session = null;
            if (!state.isStopped()) {
                changeState(ConnectionState.stopped(CloseCodes.NORMAL_CLOSURE, "closed by the device"));
            }
            announced = notifications;
        }
        if (current != null) {
            closeGently(current);
        }
        deliveries.failAll(new IllegalStateException("the client was closed before the server confirmed this value"));
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        if (ownedExecutor != null) {
            // Only after the last announcement: shutting down first would swallow the STOPPED state.
            announced.whenComplete((done, error) -> ownedExecutor.shutdown());
        }
    }

    private static void closeGently(Session current) {
        try {
            current.close(CloseCodes.NORMAL_CLOSURE, "device closed").get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The connection is going away either way; the abort below releases it.
        } finally {
            current.abort("closed by the device");
        }
    }

    @Override
    public String toString() {
        return "DeviceClient[" + settings.account() + "/" + settings.device() + " " + state() + "]";
    }
}
