package io.devicehub.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Collects what a {@link DeviceClient} needs, checking each piece against the protocol's rules as it comes, so a
 * mistake fails at the line that made it. Obtained from {@link DeviceClient#builder(URI)}.
 *
 * <p>Threads: by default each client has its own {@link HttpClient}, one timer thread and a small pool for handlers,
 * all daemon threads that end with {@link DeviceClient#close()}. Programs that run many devices share them instead
 * through {@link #httpClient}, {@link #scheduler} and {@link #executor}; shared ones are never shut down by a client.
 */
public final class DeviceClientBuilder {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI uri;
    private String account;
    private String device;
    private String credential;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final List<ConnectionListener> listeners = new ArrayList<>();
    private HttpClient httpClient;
    private ScheduledExecutorService scheduler;
    private Executor executor;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private DeviceClient.Connector connector;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    DeviceClientBuilder(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme();
        if (!("ws".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("the DeviceHub address must be a ws:// or wss:// URI with a host, "
                    + "e.g. ws://localhost:8080/ws/devices, not " + uri);
        }
        this.uri = uri;
    }

    /** The username of the account that registered the device. */
    public DeviceClientBuilder account(String account) {
        this.account = ProtocolRules.account(account);
        return this;
    }

    /** The device identifier: 1 to 32 of {@code A–Z a–z 0–9 _ -}, case-sensitive. */
    public DeviceClientBuilder device(String device) {
        this.device = ProtocolRules.device(device);
        return this;
    }

    /** The device's credentials as set in the console. Kept in memory only, and never logged. */
    public DeviceClientBuilder credential(String credential) {
        this.credential = ProtocolRules.credential(credential);
        return this;
    }

    /**
     * Declares a resource; the order of declaration is the order the console shows.
     *
     * @throws IllegalArgumentException for a second resource of the same name, or more than 100 resources
     */
    public DeviceClientBuilder resource(Resource resource) {
        Objects.requireNonNull(resource, "resource");
        if (resources.containsKey(resource.name())) {
            throw new IllegalArgumentException("two resources are named '" + resource.name() + "'");
        }
        if (resources.size() >= ProtocolRules.MAX_RESOURCES) {
            throw new IllegalArgumentException(
                    "a device declares at most " + ProtocolRules.MAX_RESOURCES + " resources");
        }
        resources.put(resource.name(), resource);
        return this;
    }

    /** Told about every state change, in order; may be called more than once to add more listeners. */
    public DeviceClientBuilder listener(ConnectionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** An {@link HttpClient} shared with other clients, instead of one of its own. */
    public DeviceClientBuilder httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return this;
    }

    /**
     * A scheduler shared with other clients for the timers (heartbeat, reconnect); without an
     * {@link #executor(Executor)} it also runs handlers and listeners, which should then not block for long.
     */
    public DeviceClientBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** Where handlers and listeners run. */
    public DeviceClientBuilder executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** How long opening a connection may take, handshake included (default 10 s). */
    public DeviceClientBuilder connectTimeout(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("the connect timeout must be positive, not " + connectTimeout);
        }
        this.connectTimeout = connectTimeout;
        return this;
    }

    DeviceClientBuilder connector(DeviceClient.Connector connector) {
        this.connector = connector;
        return this;
    }

    DeviceClientBuilder random(DoubleSupplier random) {
        this.random = random;
        return this;
    }

    /**
     * A client ready to {@link DeviceClient#start() start}.
     *
     * @throws IllegalStateException    when the account, device or credential is missing
     * @throws IllegalArgumentException when the description of all resources does not fit in one message
     */
    public DeviceClient build() {
        require(account, "account");
        require(device, "device");
        require(credential, "credential");
        String description = Messages.describe(resources.values());
        int bytes = Messages.utf8Length(description);
        if (bytes > ProtocolRules.DEFAULT_MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("the resources take " + bytes + " bytes to describe, more than the "
                    + ProtocolRules.DEFAULT_MAX_FRAME_BYTES + " a message may hold; shorten examples or schemas");
        }
        ScheduledExecutorService timers = scheduler != null ? scheduler : ownScheduler();
        ExecutorService ownedExecutor = executor == null && scheduler == null
                ? Executors.newCachedThreadPool(new DaemonThreads("devicehub-" + device + "-calls")) : null;
        Executor handlers = executor != null ? executor : scheduler != null ? scheduler : ownedExecutor;
        Session.Settings settings = new Session.Settings(account, device, credential,
                Collections.unmodifiableMap(new LinkedHashMap<>(resources)), description, handlers, timers,
                new Traffic());
        return new DeviceClient(new DeviceClient.Parts(uri, settings, listeners,
                connector != null ? connector : defaultConnector(), new Backoff(random), ownedExecutor,
                scheduler == null));
    }

    private ScheduledExecutorService ownScheduler() {
        ScheduledThreadPoolExecutor timers =
                new ScheduledThreadPoolExecutor(1, new DaemonThreads("devicehub-" + device + "-timer"));
        // The thread goes away while nothing is scheduled, e.g. after a final close code without close().
        timers.setKeepAliveTime(10, TimeUnit.SECONDS);
        timers.allowCoreThreadTimeOut(true);
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    private DeviceClient.Connector defaultConnector() {
        HttpClient http = httpClient != null ? httpClient
                : HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        Duration timeout = connectTimeout;
        return (target, listener) -> http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(target, listener);
    }

    private static void require(String value, String name) {
        if (value == null) {
            throw new IllegalStateException("set the " + name + " with " + name + "(…) before build()");
        }
    }

    @Override
    public String toString() {
        return "DeviceClientBuilder[" + uri + ", " + account + "/" + device + ", " + resources.size() + " resources]";
    }
}
