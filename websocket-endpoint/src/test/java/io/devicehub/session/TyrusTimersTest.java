package io.devicehub.session;

import org.glassfish.tyrus.core.TyrusSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TyrusTimersTest {

    private final ScheduledThreadPoolExecutor timer = (ScheduledThreadPoolExecutor) TyrusTimers.plain();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void anIdleCheckWithoutATimeoutIsNotScheduledAtAll() {
        TyrusSession.IdleTimeoutCommand check = new TyrusSession.IdleTimeoutCommand();
        ScheduledFuture<?> future = timer.schedule(check, 0, TimeUnit.MILLISECONDS);
        assertTrue(future.isDone());
        future.cancel(false); // what Tyrus does with it on the next message
        assertEquals(0, timer.getTaskCount(), "no task, no timer thread woken");
        assertEquals(0, check.runs());
    }

    @Test
    void anIdleCheckWithATimeoutIsScheduled() {
        ScheduledFuture<?> future = timer.schedule(new TyrusSession.IdleTimeoutCommand(), 1, TimeUnit.HOURS);
        assertEquals(1, timer.getQueue().size());
        future.cancel(false);
        assertEquals(0, timer.getQueue().size(), "a cancelled check is removed at once");
    }

    @Test
    void everyOtherTaskRunsEvenWithoutDelay() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        timer.schedule(runs::incrementAndGet, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
        assertEquals(1, runs.get());
    }
}
