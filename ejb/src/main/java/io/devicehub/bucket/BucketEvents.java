package io.devicehub.bucket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Passes committed bucket events — {@link BucketChanged} and {@link RecordsWritten} — to listeners in other modules
 * (the sampler, the console's live chart), for the reason {@link io.devicehub.device.RegistryChanges} gives: in an
 * EAR, CDI never shows the web module's observers an event the EJB module fires.
 */
@ApplicationScoped
public class BucketEvents {

    private static final Logger LOG = Logger.getLogger(BucketEvents.class.getName());

    private final List<Consumer<Object>> listeners = new CopyOnWriteArrayList<>();

    /** {@code listener} is given each committed {@link BucketChanged} and {@link RecordsWritten}. */
    public void subscribe(Consumer<Object> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<Object> listener) {
        listeners.remove(listener);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BucketChanged change) {
        pass(change);
    }

    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordsWritten written) {
        pass(written);
    }

    private void pass(Object event) {
        for (Consumer<Object> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener failed on " + event, e);
            }
        }
    }
}
