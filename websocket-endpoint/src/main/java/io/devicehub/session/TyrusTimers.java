package io.devicehub.session;

import jakarta.websocket.server.ServerContainer;

import java.lang.reflect.Field;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives Tyrus, Payara's WebSocket implementation, a plain timer instead of the container's managed one.
 * <p>
 * Tyrus cancels and re-schedules every session's idle-timeout task on <em>every</em> message sent or received, even
 * when no idle timeout is set ({@code TyrusSession.restartIdleTimeoutExecutor}). It schedules on the container's
 * managed scheduled executor, and Payara captures the thread context for each task by searching the class path:
 * measured, that was half of the server's CPU with 5,000 idle devices pinging, ~3 ms per ping (docs/benchmarks.md).
 * DeviceHub needs none of it: its own sweep closes silent sessions. A plain executor runs the same no-op tasks for
 * microseconds. There is no public API for this, so the container's field is replaced by reflection; on any other
 * implementation nothing happens.
 * <p>
 * Without an idle timeout Tyrus schedules that task with no delay, so even the plain executor woke a timer thread
 * for every message, four per relayed call, only to find there was nothing to do: 0.1 of a core at 12,600 API calls/s
 * (profiled, docs/benchmarks.md). Such a task is not scheduled at all: it is answered with a future that is already
 * done. The task checks the timeout itself and does nothing when there is none, so nothing is lost.
 */
public final class TyrusTimers {

    private static final Logger LOG = Logger.getLogger(TyrusTimers.class.getName());
    private static final String BASE_CONTAINER = "org.glassfish.tyrus.core.BaseContainer";
    private static final String FIELD = "managedScheduledExecutorService";

    private TyrusTimers() {
    }

    /**
     * Replaces the container's managed scheduled executor with {@code plain()}, when the container is Tyrus's.
     *
     * @return the executor now used, to shut down with the application; {@code null} when nothing was changed
     */
    public static ScheduledExecutorService unmanage(ServerContainer container) {
        try {
            Class<?> base = Class.forName(BASE_CONTAINER, false, container.getClass().getClassLoader());
            if (!base.isInstance(container)) {
                return null;
            }
            Field managed = base.getDeclaredField(FIELD);
            managed.setAccessible(true);
            if (managed.get(container) == null) {
                return null;
            }
            ScheduledExecutorService plain = plain();
            managed.set(container, plain);
            LOG.info("WebSocket session timers now run on a plain executor (no per-message context capture)");
            return plain;
        } catch (ReflectiveOperationException | RuntimeException notApplicable) {
            LOG.log(Level.INFO, "WebSocket session timers left to the container: " + notApplicable);
            return null;
        }
    }

    static ScheduledExecutorService plain() {
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new IdleChecksSkipped(task -> {
            Thread thread = new Thread(task, "devicehub-tyrus-timer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true); // every message cancels a task: do not let them pile up
        return executor;
    }

    /** A timer that does not run Tyrus's idle-timeout checks of sessions without an idle timeout. */
    static final class IdleChecksSkipped extends ScheduledThreadPoolExecutor {

        /** Tyrus's task that closes a session idle for longer than its timeout. */
        static final String IDLE_CHECK = "org.glassfish.tyrus.core.TyrusSession$IdleTimeoutCommand";

        IdleChecksSkipped(ThreadFactory threads) {
            super(2, threads);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (delay <= 0 && command.getClass().getName().equals(IDLE_CHECK)) {
                return Skipped.INSTANCE;
            }
            return super.schedule(command, delay, unit);
        }
    }

    /** The future of a task that was not run because it would have done nothing. */
    private static final class Skipped implements ScheduledFuture<Object> {

        static final Skipped INSTANCE = new Skipped();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
