package io.devicehub.api.websocket;

import io.devicehub.session.DeviceActivity;
import io.devicehub.session.DeviceConnected;
import io.devicehub.session.DeviceDisconnected;
import io.devicehub.session.LiveSession;
import io.devicehub.session.LiveSessions;
import io.devicehub.session.StoredData;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands what devices do to the WebSocket API's subscribed sockets of their account: connects and disconnects as
 * they happen, once a second the statistics of the devices whose traffic moved ({@link DeviceActivity}), and the
 * records their {@code data} messages stored ({@link StoredData}, asked only for accounts with a subscriber). The
 * observers run on the thread that saw the change and only queue a message per interested socket, whose
 * {@link io.devicehub.session.Outbox} drops a socket that does not read instead of holding more for it.
 * <p>
 * Every {@value #RECHECK_SECONDS} s the tokens of subscribed sockets are checked again, so a socket that only
 * listens loses its events once its token is revoked or expires.
 */
@ApplicationScoped
public class ApiSubscriptions {

    static final int RECHECK_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(ApiSubscriptions.class.getName());

    @Inject
    LiveSessions sessions;

    @Inject
    StoredData storedData;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final Map<Long, Set<ApiConnection>> byAccount = new ConcurrentHashMap<>();
    private ScheduledThreadPoolExecutor sweeper;

    @PostConstruct
    void start() {
        sweeper = new ScheduledThreadPoolExecutor(1, threads);
        sweeper.scheduleWithFixedDelay(this::recheck, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    void add(long accountId, ApiConnection connection) {
        byAccount.compute(accountId, (id, connections) -> {
            Set<ApiConnection> all = connections != null ? connections : ConcurrentHashMap.newKeySet();
            all.add(connection);
            if (connections == null) {
                storedData.listen(accountId, record -> all.forEach(each -> each.push(record)));
            }
            return all;
        });
    }

    void remove(ApiConnection connection) {
        for (Long accountId : byAccount.keySet()) {
            byAccount.computeIfPresent(accountId, (id, connections) -> {
                connections.remove(connection);
                if (connections.isEmpty()) {
                    storedData.forget(accountId);
                    return null;
                }
                return connections;
            });
        }
    }

    void connected(@Observes DeviceConnected event) {
        forEach(event.accountId(), connection -> connection.push("connected", event.identifier(), event.at(), null,
                null, null));
    }

    void disconnected(@Observes DeviceDisconnected event) {
        forEach(event.accountId(), connection -> connection.push("disconnected", event.identifier(), event.at(),
                null, event.closeCode(), event.reason()));
    }

    void moved(@Observes DeviceActivity event) {
        Set<ApiConnection> connections = byAccount.get(event.accountId());
        if (connections == null || connections.isEmpty()) {
            return;
        }
        for (String identifier : event.identifiers()) {
            Optional<LiveSession> session = sessions.find(event.accountId(), identifier);
            session.ifPresent(live -> connections.forEach(connection -> connection.push("statistics", identifier,
                    null, live.statistics(), null, null)));
        }
    }

    private void forEach(long accountId, java.util.function.Consumer<ApiConnection> action) {
        Set<ApiConnection> connections = byAccount.get(accountId);
        if (connections != null) {
            connections.forEach(action);
        }
    }

    private void recheck() {
        try {
            byAccount.values().forEach(connections -> connections.forEach(ApiConnection::recheckOrClose));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking the WebSocket API subscribers' tokens failed; again in "
                    + RECHECK_SECONDS + " s", e);
        }
    }
}
