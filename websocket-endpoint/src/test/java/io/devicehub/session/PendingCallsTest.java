package io.devicehub.session;

import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingCallsTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PendingCalls calls = new PendingCalls("s1");

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void eachCallHasItsOwnIdAndEndsOnceWithItsAnswer() {
        PendingCalls.Opened first = calls.open("t", Duration.ofSeconds(5), timer).orElseThrow();
        PendingCalls.Opened second = calls.open("t", Duration.ofSeconds(5), timer).orElseThrow();
        assertNotEquals(first.id(), second.id());

        assertTrue(calls.answer(first.id(), Json.createValue(1)));
        assertFalse(calls.answer(first.id(), Json.createValue(2)), "a second answer finds nothing waiting");
        assertEquals(Json.createValue(1), first.answer().join().output());
        assertEquals(1, calls.size());
    }

    @Test
    void aCallThatIsNotAnsweredInTimeFailsAndIsForgotten() {
        PendingCalls.Opened call = calls.open("slow", Duration.ofMillis(50), timer).orElseThrow();
        CompletionException failed = assertThrows(CompletionException.class, () -> call.answer().join());
        assertInstanceOf(CallTimeoutException.class, failed.getCause());
        assertEquals(0, calls.size());
        assertFalse(calls.answer(call.id(), null));
    }

    @Test
    void endingTheSessionFailsEveryWaitingCallAtOnce() {
        PendingCalls.Opened a = calls.open("a", Duration.ofMinutes(1), timer).orElseThrow();
        PendingCalls.Opened b = calls.open("b", Duration.ofMinutes(1), timer).orElseThrow();
        calls.failAll(new DeviceOfflineException("gone"));
        assertInstanceOf(DeviceOfflineException.class, assertThrows(CompletionException.class,
                () -> a.answer().join()).getCause());
        assertTrue(b.answer().isCompletedExceptionally());
        assertEquals(0, calls.size());
    }

    @Test
    void aSessionCannotHaveMoreThanAThousandCallsWaiting() {
        for (int i = 0; i < SessionSettings.MAX_PENDING_CALLS; i++) {
            assertTrue(calls.open("r", Duration.ofMinutes(1), timer).isPresent());
        }
        assertTrue(calls.open("r", Duration.ofMinutes(1), timer).isEmpty());
    }
}
