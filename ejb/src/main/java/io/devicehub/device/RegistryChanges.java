package io.devicehub.device;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Passes committed registry changes ({@link RegistryEvent}s) to listeners in other modules.
 * <p>
 * Within one module CDI events are enough, but in an EAR the web module's observers never see events fired by the
 * EJB module: CDI resolves observers from the firing module, which cannot see the web module. Live sessions must
 * end when a device is disabled, re-keyed or deleted however DeviceHub is deployed, so the web tier subscribes here
 * (this bean is visible to every module and is one instance per application) instead of observing.
 */
@ApplicationScoped
public class RegistryChanges {

    private static final Logger LOG = Logger.getLogger(RegistryChanges.class.getName());

    private final List<Consumer<RegistryEvent>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<RegistryEvent> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<RegistryEvent> listener) {
        listeners.remove(listener);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistryEvent change) {
        for (Consumer<RegistryEvent> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener failed on " + change, e);
            }
        }
    }
}
