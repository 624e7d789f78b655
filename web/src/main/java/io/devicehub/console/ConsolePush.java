package io.devicehub.console;

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
import jakarta.enterprise.event.ObservesAsync;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tells each account's open console pages what changed, through Faces push on the channel {@value #CHANNEL}: a
 * device connected or disconnected (at once), traffic moved (gathered per account and sent once a second however
 * many devices are busy), the registry changed, a resource call finished. Messages only name what changed; the page
 * fetches what it shows through its own, access-checked requests. Only the account's own sockets receive them.
 */
@ApplicationScoped
public class ConsolePush {

    public static final String CHANNEL = "console";

    @Inject
    @Push(channel = CHANNEL)
    PushContext push;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RegistryChanges registry;

    /** Registry changes arrive by subscription, because in an EAR they are fired in another module. */
    private final Consumer<RegistryEvent> registryChanges = change -> registry(change.accountId(), change.identifier());

    private final Map<Long, Set<String>> activity = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flushing;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        flushing = scheduler.scheduleWithFixedDelay(this::flushActivity, 1, 1, TimeUnit.SECONDS);
        registry.subscribe(registryChanges);
    }

    @PreDestroy
    void stop() {
        registry.unsubscribe(registryChanges);
        if (flushing != null) {
            flushing.cancel(false);
        }
    }

    void connected(@ObservesAsync DeviceConnected event) {
        status(event.accountId(), event.identifier(), true);
    }

    void disconnected(@ObservesAsync DeviceDisconnected event) {
        status(event.accountId(), event.identifier(), false);
    }

    void moved(@ObservesAsync DeviceActivity event) {
        activity.computeIfAbsent(event.accountId(), account -> ConcurrentHashMap.newKeySet()).add(event.identifier());
    }

    /** A resource call started from the console finished (answered or failed). */
    public void callFinished(long accountId, String identifier, String resource) {
        send(accountId, Map.of("type", "call", "device", identifier, "resource", resource));
    }

    private void status(long accountId, String identifier, boolean online) {
        send(accountId, Map.of("type", "status", "device", identifier, "online", online));
    }

    private void registry(long accountId, String identifier) {
        send(accountId, Map.of("type", "registry", "device", identifier));
    }

    private void flushActivity() {
        for (Long accountId : activity.keySet()) {
            Set<String> devices = activity.remove(accountId);
            if (devices != null && !devices.isEmpty()) {
                send(accountId, Map.of("type", "activity", "devices", devices.stream().limit(500).toList()));
            }
        }
    }

    /** Faces push sends the map as a JSON object. */
    private void send(long accountId, Map<String, Object> message) {
        push.send(message, accountId);
    }
}
