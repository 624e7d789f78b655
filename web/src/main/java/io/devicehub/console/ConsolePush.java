package io.devicehub.console;

import io.devicehub.bucket.BucketChanged;
import io.devicehub.bucket.BucketEvents;
import io.devicehub.bucket.RecordsWritten;
import io.devicehub.device.RegistryChanges;
import io.devicehub.device.RegistryEvent;
import io.devicehub.session.DeviceActivity;
import io.devicehub.session.DeviceConnected;
import io.devicehub.session.DeviceDisconnected;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells each account's open console pages what changed, through Faces push on the channel {@value #CHANNEL}: a
 * device connected or disconnected, traffic moved (one message per account and second however many devices are
 * busy), the registry changed, a resource call finished, a bucket stored records (at most once a second per bucket
 * however fast it is written) or changed. The observers run on the session's thread and only hand a
 * small message to the push channel. Messages only name what changed; the page
 * fetches what it shows through its own, access-checked requests. Only the account's own sockets receive them.
 */
@ApplicationScoped
public class ConsolePush {

    public static final String CHANNEL = "console";

    private static final Logger LOG = Logger.getLogger(ConsolePush.class.getName());

    @Inject
    @Push(channel = CHANNEL)
    PushContext push;

    @Inject
    RegistryChanges registry;

    @Inject
    BucketEvents buckets;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Open push sockets per account. */
    private final Map<Long, Integer> watchers = new ConcurrentHashMap<>();

    /** Registry changes arrive by subscription, because in an EAR they are fired in another module. */
    private final Consumer<RegistryEvent> registryChanges = change -> registry(change.accountId(), change.identifier());

    /** Buckets that stored records since the last second's message, per account: one message each per second. */
    private final Map<Long, Set<String>> written = new ConcurrentHashMap<>();

    /** Bucket events arrive by subscription for the same reason. */
    private final Consumer<Object> bucketEvents = this::bucket;

    private ScheduledFuture<?> flush;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        registry.subscribe(registryChanges);
        buckets.subscribe(bucketEvents);
        flush = scheduler.scheduleWithFixedDelay(this::sendWritten, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        registry.unsubscribe(registryChanges);
        buckets.unsubscribe(bucketEvents);
        if (flush != null) {
            flush.cancel(false);
        }
    }

    void connected(@Observes DeviceConnected event) {
        status(event.accountId(), event.identifier(), true);
    }

    void disconnected(@Observes DeviceDisconnected event) {
        status(event.accountId(), event.identifier(), false);
    }

    /** Already gathered per account and second by the sessions' sweep. */
    void moved(@Observes DeviceActivity event) {
        send(event.accountId(), Map.of("type", "activity", "devices",
                event.identifiers().stream().limit(500).toList()));
    }

    /** A resource call started from the console finished (answered or failed). */
    public void callFinished(long accountId, String identifier, String resource) {
        send(accountId, Map.of("type", "call", "device", identifier, "resource", resource));
    }

    private void bucket(Object event) {
        if (event instanceof RecordsWritten records && watchers.containsKey(records.accountId())) {
            written.computeIfAbsent(records.accountId(), id -> ConcurrentHashMap.newKeySet()).add(records.identifier());
        } else if (event instanceof BucketChanged change) {
            send(change.accountId(), Map.of("type", "bucket", "bucket", change.identifier(),
                    "change", change.kind().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /** Tells each account which of its buckets stored records in the last second. */
    private void sendWritten() {
        for (Long accountId : written.keySet()) {
            Set<String> identifiers = written.remove(accountId);
            try {
                if (identifiers != null) {
                    send(accountId, Map.of("type", "records", "buckets", identifiers.stream().sorted().limit(500)
                            .toList()));
                }
            } catch (RuntimeException e) { // the next second's messages must still go out
                LOG.log(Level.WARNING, "Could not tell account " + accountId + "'s console about new records", e);
            }
        }
    }

    private void status(long accountId, String identifier, boolean online) {
        send(accountId, Map.of("type", "status", "device", identifier, "online", online));
    }

    private void registry(long accountId, String identifier) {
        send(accountId, Map.of("type", "registry", "device", identifier));
    }

    /** A console page of the account opened its push socket. */
    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent event) {
        if (CHANNEL.equals(event.getChannel()) && event.getUser() instanceof Long accountId) {
            watchers.merge(accountId, 1, Integer::sum);
        }
    }

    /** One of the account's push sockets closed (page left, browser gone, session ended). */
    void closed(@Observes @WebsocketEvent.Closed WebsocketEvent event) {
        if (CHANNEL.equals(event.getChannel()) && event.getUser() instanceof Long accountId) {
            watchers.computeIfPresent(accountId, (id, open) -> open > 1 ? open - 1 : null);
        }
    }

    /**
     * Faces push sends the map as a JSON object. Only when one of the account's pages is open: Mojarra encodes the
     * message before it looks for sockets, and its encoder looks the JSON-P provider up on every call (a scan of the
     * class loader's resources), which a reconnect storm of 10,000 devices nobody is watching would pay 10,000 times.
     */
    private void send(long accountId, Map<String, Object> message) {
        if (watchers.containsKey(accountId)) {
            push.send(message, accountId);
        }
    }
}
