package io.devicehub.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One container-managed timer thread for everything timed in sessions: call timeouts (each a cancellable task, so
 * no thread waits for a device) and the once-a-second sweep for authentication and idle timeouts and activity.
 */
@ApplicationScoped
public class SessionClock {

    private static final Logger LOG = Logger.getLogger(SessionClock.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    LiveSessions sessions;

    private ScheduledThreadPoolExecutor timer;

    @PostConstruct
    void start() {
        timer = new ScheduledThreadPoolExecutor(1, threads);
        timer.setRemoveOnCancelPolicy(true); // a cancelled call timeout must not linger until it would have fired
        timer.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    /** The sessions' timer, for short tasks at a given time (timeouts): never for anything that blocks. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    private void sweep() {
        try {
            sessions.sweep(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The session sweep failed; it runs again in a second", e);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
