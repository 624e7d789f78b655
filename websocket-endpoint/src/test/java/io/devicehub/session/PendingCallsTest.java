package io.devicehub.session;

import io.devicehub.protocol.ResourceDescription;
import io.devicehub.vocabulary.ResourceKind;
import jakarta.json.Json;
import jakarta.json.JsonValue;
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
    private static final ResourceDescription TEMPERATURE = resource("t", ResourceKind.OUTPUT);
    private static final ResourceDescription LED = resource("led", ResourceKind.INPUT);
    private final PendingCalls calls = new PendingCalls("s1", 100);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void eachCallHasItsOwnIdAndEndsOnceWithItsAnswer() {
        PendingCalls.Opened first = calls.open(TEMPERATURE, Duration.ofSeconds(5), timer).orElseThrow();
        PendingCalls.Opened second = calls.open(TEMPERATURE, Duration.ofSeconds(5), timer).orElseThrow();
        assertNotEquals(first.id(), second.id());

        assertEquals(PendingCalls.Answer.TAKEN, calls.answer(first.id(), Json.createValue(1)));
        assertEquals(PendingCalls.Answer.UNKNOWN, calls.answer(first.id(), Json.createValue(2)),
                "a second answer finds nothing waiting");
        assertEquals(Json.createValue(1), first.answer().join().output());
        assertEquals(1, calls.size());
    }

    @Test
    void aCallThatIsNotAnsweredInTimeFailsAndIsForgotten() {
        PendingCalls.Opened call = calls.open(resource("slow", ResourceKind.RUN), Duration.ofMillis(50), timer).orElseThrow();
        CompletionException failed = assertThrows(CompletionException.class, () -> call.answer().join());
        assertInstanceOf(CallTimeoutException.class, failed.getCause());
        assertEquals(0, calls.size());
        assertEquals(PendingCalls.Answer.UNKNOWN, calls.answer(call.id(), null));
    }

    @Test
    void endingTheSessionFailsEveryWaitingCallAtOnce() {
        PendingCalls.Opened a = calls.open(LED, Duration.ofMinutes(1), timer).orElseThrow();
        PendingCalls.Opened b = calls.open(LED, Duration.ofMinutes(1), timer).orElseThrow();
        calls.failAll(new DeviceOfflineException("gone"));
        assertInstanceOf(DeviceOfflineException.class, assertThrows(CompletionException.class,
                () -> a.answer().join()).getCause());
        assertTrue(b.answer().isCompletedExceptionally());
        assertEquals(0, calls.size());
    }

    @Test
    void aSessionHasAtMostItsBoundOfCallsInFlight() {
        PendingCalls.Opened first = calls.open(LED, Duration.ofMinutes(1), timer).orElseThrow();
        for (int i = 1; i < 100; i++) {
            assertTrue(calls.open(LED, Duration.ofMinutes(1), timer).isPresent());
        }
        assertTrue(calls.open(LED, Duration.ofMinutes(1), timer).isEmpty());
        calls.answer(first.id(), null);
        assertTrue(calls.open(LED, Duration.ofMinutes(1), timer).isPresent(), "an answer makes room for one more");
    }

    @Test
    void aResultWithoutTheOutputItsResourceMustGiveFailsTheCall() {
        PendingCalls.Opened read = calls.open(TEMPERATURE, Duration.ofSeconds(5), timer).orElseThrow();
        assertEquals(PendingCalls.Answer.REFUSED, calls.answer(read.id(), null));
        InvalidAnswerException invalid = assertInstanceOf(InvalidAnswerException.class,
                assertThrows(CompletionException.class, () -> read.answer().join()).getCause());
        assertEquals("The device answered 't' without an output; an output resource's result must have one.",
                invalid.getMessage());
        PendingCalls.Opened write = calls.open(LED, Duration.ofSeconds(5), timer).orElseThrow();
        assertEquals(PendingCalls.Answer.TAKEN, calls.answer(write.id(), null), "an input resource answers nothing");
        PendingCalls.Opened nullOutput = calls.open(TEMPERATURE, Duration.ofSeconds(5), timer).orElseThrow();
        assertEquals(PendingCalls.Answer.TAKEN, calls.answer(nullOutput.id(), JsonValue.NULL),
                "null is an output like any other");
        assertEquals(0, calls.size());
    }

    private static ResourceDescription resource(String name, ResourceKind kind) {
        return new ResourceDescription(name, kind, null, null, null);
    }
}
