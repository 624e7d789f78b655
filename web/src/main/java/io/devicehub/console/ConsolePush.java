package io.devicehub.console;

import io.devicehub.device.RegistryChanges;
import io.devicehub.device.RegistryEvent;
import io.devicehub.session.DeviceActivity;
import io.devicehub.session.DeviceConnected;
import io.devicehub.session.DeviceDisconnected;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Tells each account's open console pages what changed, through Faces push on the channel {@value #CHANNEL}: a
 * device connected or disconnected, traffic moved (one message per account and second however many devices are
 * busy), the registry changed, a resource call finished. The observers run on the session's thread and only hand a
 * small message to the push channel. Messages only name what changed; the page
 * fetches what it shows through its own, access-checked requests. Only the account's own sockets receive them.
 */
@ApplicationScoped
public class ConsolePush {

    public static final String CHANNEL = "console";

    @Inject
    @Push(channel = CHANNEL)
    PushContext push;

    @Inject
    RegistryChanges registry;

    /** Open push sockets per account. */
    private final Map<Long, Integer> watchers = new ConcurrentHashMap<>();

    /** Registry changes arrive by subscription, because in an EAR they are fired in another module. */
    private final Consumer<RegistryEvent> registryChanges = change -> registry(change.accountId(), change.identifier());


    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        registry.subscribe(registryChanges);
    }

    @PreDestroy
    void stop() {
        registry.unsubscribe(registryChanges);
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
