package io.devicehub.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells listeners of an account (the WebSocket API's {@code data} subscriptions) about each record its devices'
 * {@code data} messages stored, once it is committed. Accounts nobody listens to cost one map look-up per record;
 * no CDI event is fired per record, which would cost more than the write on a busy device.
 */
@ApplicationScoped
public class StoredData {

    private static final Logger LOG = Logger.getLogger(StoredData.class.getName());

    /** A stored record of a device's {@code data} message. */
    public record Record(long accountId, String device, String bucket, Instant ts, JsonValue value) {
    }

    private final Map<Long, Consumer<Record>> listeners = new ConcurrentHashMap<>();

    /** Sets the one listener of an account's records (replacing any earlier one). */
    public void listen(long accountId, Consumer<Record> listener) {
        listeners.put(accountId, listener);
    }

    public void forget(long accountId) {
        listeners.remove(accountId);
    }

    /** Whether anyone listens to this account: if not, the caller builds no record. */
    boolean wanted(long accountId) {
        return listeners.containsKey(accountId);
    }

    /** On the thread that saw the commit; a failing listener is logged and affects no device. */
    void stored(Record record) {
        Consumer<Record> listener = listeners.get(record.accountId());
        if (listener != null) {
            try {
                listener.accept(record);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener of stored records failed", e);
            }
        }
    }
}
