package io.devicehub.device;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * Remembers device connections: a bounded history of connects and disconnects per device, and the summary of the
 * last finished connection. The live session reports here; the console and the API read from here.
 */
@Stateless
public class DeviceConnections {

    /** How many connection events are kept per device; older ones are pruned. */
    public static final int HISTORY_SIZE = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    Devices devices;

    public void connected(long deviceId, Instant at, String remoteAddress) {
        if (em.find(Device.class, deviceId) != null) {
            record(new ConnectionEvent(deviceId, ConnectionEvent.Kind.CONNECTED, at, remoteAddress, null));
        }
    }

    /** Records the end of a connection. A device deleted meanwhile is simply left alone. */
    public void disconnected(long deviceId, ConnectionSummary summary) {
        if (em.find(Device.class, deviceId) == null) {
            return;
        }
        record(new ConnectionEvent(deviceId, ConnectionEvent.Kind.DISCONNECTED, summary.disconnectedAt(),
                summary.remoteAddress(), summary.reason()));
        // A bulk update, so that statistics never collide with the owner editing the device (optimistic lock).
        em.createQuery("UPDATE Device d SET d.lastConnection.connectedAt = :connectedAt,"
                        + " d.lastConnection.disconnectedAt = :disconnectedAt,"
                        + " d.lastConnection.remoteAddress = :address, d.lastConnection.closeReason = :reason,"
                        + " d.lastConnection.bytesReceived = :bytesReceived, d.lastConnection.bytesSent = :bytesSent,"
                        + " d.lastConnection.messagesReceived = :messagesReceived,"
                        + " d.lastConnection.messagesSent = :messagesSent, d.lastConnection.calls = :calls"
                        + " WHERE d.id = :id")
                .setParameter("connectedAt", summary.connectedAt())
                .setParameter("disconnectedAt", summary.disconnectedAt())
                .setParameter("address", ConnectionEvent.truncate(summary.remoteAddress(), 64))
                .setParameter("reason", ConnectionEvent.truncate(summary.reason(), 255))
                .setParameter("bytesReceived", summary.bytesReceived())
                .setParameter("bytesSent", summary.bytesSent())
                .setParameter("messagesReceived", summary.messagesReceived())
                .setParameter("messagesSent", summary.messagesSent())
                .setParameter("calls", summary.calls())
                .setParameter("id", deviceId)
                .executeUpdate();
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

    private void record(ConnectionEvent event) {
        em.persist(event);
        em.flush();
        List<Long> beyond = em.createQuery("SELECT e.id FROM ConnectionEvent e WHERE e.deviceId = :id"
                        + " ORDER BY e.id DESC", Long.class)
                .setParameter("id", event.deviceId())
                .setFirstResult(HISTORY_SIZE)
                .setMaxResults(1)
                .getResultList();
        if (!beyond.isEmpty()) {
            em.createQuery("DELETE FROM ConnectionEvent e WHERE e.deviceId = :id AND e.id <= :oldest")
                    .setParameter("id", event.deviceId())
                    .setParameter("oldest", beyond.get(0))
                    .executeUpdate();
        }
    }
}
