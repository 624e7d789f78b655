package io.devicehub.device;

import io.devicehub.common.InstantColumn;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Remembers device connections: a bounded history of connects and disconnects per device, and the summary of the
 * last finished connection. The live session reports here; the console and the API read from here.
 */
@Stateless
public class DeviceConnections {

    /** How many connection events are kept per device; older ones are pruned. */
    public static final int HISTORY_SIZE = 50;

    private static final InstantColumn UTC = new InstantColumn();

    @PersistenceContext
    EntityManager em;

    @Inject
    Devices devices;

    /**
     * Writes connection changes in their order, in one transaction: one commit for a whole batch, which is what lets
     * thousands of devices come back at once after a restart. A device deleted meanwhile is simply left alone.
     */
    public void record(List<ConnectionChange> changes) {
        Set<Long> touched = new LinkedHashSet<>();
        for (ConnectionChange change : changes) {
            boolean recorded = change instanceof ConnectionChange.Disconnected ended
                    ? disconnected(ended.deviceId(), ended.summary())
                    : connected((ConnectionChange.Connected) change);
            if (recorded) {
                touched.add(change.deviceId());
            }
        }
        em.flush();
        touched.forEach(this::prune);
    }

    private boolean connected(ConnectionChange.Connected connected) {
        if (em.find(Device.class, connected.deviceId()) == null) {
            return false;
        }
        em.persist(new ConnectionEvent(connected.deviceId(), ConnectionEvent.Kind.CONNECTED, connected.at(),
                connected.remoteAddress(), null));
        return true;
    }

    private boolean disconnected(long deviceId, ConnectionSummary summary) {
        // The device row first, then the history: inserting a history row takes a shared lock on the device row
        // (foreign key), and upgrading it to update the row afterwards deadlocks on InnoDB with an owner changing
        // the device at the same moment. Native SQL, because EclipseLink's JPQL bulk UPDATE also increments the
        // @Version column (eclipselink#1398), which would fail that owner's change with an optimistic lock error;
        // native queries bypass the Instant converter, hence the explicit conversion.
        int updated = em.createNativeQuery("UPDATE device SET last_connected_at = ?, last_disconnected_at = ?,"
                        + " last_remote_address = ?, last_close_reason = ?, last_bytes_received = ?,"
                        + " last_bytes_sent = ?, last_messages_received = ?, last_messages_sent = ?, last_calls = ?"
                        + " WHERE id = ?")
                .setParameter(1, UTC.convertToDatabaseColumn(summary.connectedAt()))
                .setParameter(2, UTC.convertToDatabaseColumn(summary.disconnectedAt()))
                .setParameter(3, ConnectionEvent.truncate(summary.remoteAddress(), 64))
                .setParameter(4, ConnectionEvent.truncate(summary.reason(), 255))
                .setParameter(5, summary.bytesReceived())
                .setParameter(6, summary.bytesSent())
                .setParameter(7, summary.messagesReceived())
                .setParameter(8, summary.messagesSent())
                .setParameter(9, summary.calls())
                .setParameter(10, deviceId)
                .executeUpdate();
        if (updated == 0) {
            return false;
        }
        em.persist(new ConnectionEvent(deviceId, ConnectionEvent.Kind.DISCONNECTED, summary.disconnectedAt(),
                summary.remoteAddress(), summary.reason()));
        return true;
    }

    /**
     * The account's device's connection history, newest first.
     *
     * @throws DeviceNotFoundException when the account has no such device
     */
    public List<ConnectionEvent> history(long accountId, String identifier, int limit) {
        Device device = devices.get(accountId, identifier);
        return em.createQuery("SELECT e FROM ConnectionEvent e WHERE e.deviceId = :id ORDER BY e.id DESC",
                        ConnectionEvent.class)
                .setParameter("id", device.getId())
                .setMaxResults(Math.max(1, Math.min(limit, HISTORY_SIZE)))
                .getResultList();
    }

    /** Keeps the newest {@value #HISTORY_SIZE} events of the device. */
    private void prune(long deviceId) {
        List<Long> beyond = em.createQuery("SELECT e.id FROM ConnectionEvent e WHERE e.deviceId = :id"
                        + " ORDER BY e.id DESC", Long.class)
                .setParameter("id", deviceId)
                .setFirstResult(HISTORY_SIZE)
                .setMaxResults(1)
                .getResultList();
        if (!beyond.isEmpty()) {
            em.createQuery("DELETE FROM ConnectionEvent e WHERE e.deviceId = :id AND e.id <= :oldest")
                    .setParameter("id", deviceId)
                    .setParameter("oldest", beyond.get(0))
                    .executeUpdate();
        }
    }
}
