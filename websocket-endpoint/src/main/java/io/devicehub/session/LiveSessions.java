package io.devicehub.session;

import io.devicehub.device.CredentialRotated;
import io.devicehub.device.DeviceDeleted;
import io.devicehub.device.DeviceDisabled;
import io.devicehub.device.RegistryChanges;
import io.devicehub.device.RegistryEvent;
import io.devicehub.vocabulary.CloseCodes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every open device connection, and the one live session of each online device. A device that authenticates
 * again replaces its older session; disabling, deleting or re-keying a device ends its session.
 */
@ApplicationScoped
public class LiveSessions {

    private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());

    private final Set<DeviceConnection> open = ConcurrentHashMap.newKeySet();
    private final Map<DeviceKey, LiveSession> online = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> onlineByAccount = new ConcurrentHashMap<>();

    @Inject
    Event<Object> events;

    @Inject
    SessionClock clock;

    @Inject
    RegistryChanges registry;

    /** Ends the sessions of devices that were disabled, deleted or re-keyed (subscribed, not observed: see there). */
    private final Consumer<RegistryEvent> revocations = this::revokeOn;

    public Optional<LiveSession> find(long accountId, String identifier) {
        return Optional.ofNullable(online.get(new DeviceKey(accountId, identifier)));
    }

    /** How many devices are online. */
    public int size() {
        return online.size();
    }

    /** How many WebSocket connections are open, authenticated or not. */
    public int openConnections() {
        return open.size();
    }

    public Collection<LiveSession> all() {
        return online.values();
    }

    /** The identifiers of the account's devices that are online now. */
    public Set<String> onlineIdentifiers(long accountId) {
        Set<String> identifiers = onlineByAccount.get(accountId);
        return identifiers == null ? Set.of() : Set.copyOf(identifiers);
    }

    /** How many of the account's devices are online now. */
    public int onlineCount(long accountId) {
        Set<String> identifiers = onlineByAccount.get(accountId);
        return identifiers == null ? 0 : identifiers.size();
    }

    void opened(DeviceConnection connection) {
        open.add(connection);
    }

    void closed(DeviceConnection connection) {
        open.remove(connection);
    }

    /** Makes {@code session} the device's live session and returns the one it replaces, if any. */
    Optional<LiveSession> attach(LiveSession session) {
        DeviceKey key = session.key();
        LiveSession replaced = online.put(key, session);
        onlineByAccount.computeIfAbsent(key.accountId(), account -> ConcurrentHashMap.newKeySet())
                .add(key.identifier());
        return Optional.ofNullable(replaced);
    }

    void detach(LiveSession session) {
        DeviceKey key = session.key();
        if (online.remove(key, session)) {
            onlineByAccount.computeIfPresent(key.accountId(), (account, identifiers) -> {
                if (!online.containsKey(key)) {
                    identifiers.remove(key.identifier());
                }
                return identifiers.isEmpty() ? null : identifiers;
            });
        }
    }

    /**
     * Tells every connected device that the server is stopping (close code 1001) and waits, at most {@code grace},
     * until the connections have closed. Without it the container drops them without a close frame (1006), and
     * devices cannot tell a restart from a broken network.
     */
    public void closeAllGoingAway(Duration grace) {
        open.forEach(DeviceConnection::goingAway);
        long deadline = System.nanoTime() + grace.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Closes what timed out and reports activity: run about once a second. */
    void sweep(long nowMillis) {
        for (DeviceConnection connection : open) {
            connection.closeIfTimedOut(nowMillis);
        }
        Instant second = Instant.ofEpochMilli(nowMillis).truncatedTo(ChronoUnit.SECONDS);
        Map<Long, Set<String>> moved = new HashMap<>();
        for (LiveSession session : online.values()) {
            session.sampleActivity(second);
            if (session.movedSinceLastReport()) {
                moved.computeIfAbsent(session.key().accountId(), account -> new HashSet<>())
                        .add(session.key().identifier());
            }
        }
        moved.forEach((accountId, identifiers) -> announce(new DeviceActivity(accountId, identifiers)));
    }

    @PostConstruct
    void listen() {
        registry.subscribe(revocations);
    }

    @PreDestroy
    void stopListening() {
        registry.unsubscribe(revocations);
    }

    private void announce(Object event) {
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer failed on " + event.getClass().getSimpleName(), e);
        }
    }

    private void revokeOn(RegistryEvent change) {
        if (change instanceof DeviceDisabled) {
            revoke(change.accountId(), change.identifier(), "device disabled");
        } else if (change instanceof DeviceDeleted) {
            revoke(change.accountId(), change.identifier(), "device deleted");
        } else if (change instanceof CredentialRotated) {
            revoke(change.accountId(), change.identifier(), "credentials rotated");
        }
    }

    /**
     * Closes the device's session from the session timer's thread: the observer runs while the registry's transaction
     * completes, and the close must not record the disconnection inside that ending transaction.
     */
    private void revoke(long accountId, String identifier, String why) {
        find(accountId, identifier).ifPresent(session ->
                clock.timer().execute(() -> session.close(CloseCodes.REVOKED, why)));
    }
}
