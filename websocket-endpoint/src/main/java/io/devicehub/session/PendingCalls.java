package io.devicehub.session;

import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls one session has sent and not yet seen answered, by correlation id. Each ends exactly once: answered,
 * failed by the device, timed out, or failed at once when the session ends. Nothing waits on a thread; the
 * timeout is a scheduled task that is cancelled when the answer comes.
 */
final class PendingCalls {

    private record Pending(String resource, CompletableFuture<CallResult> future, long startNanos,
                           ScheduledFuture<?> timeout) {
    }

    /** A call that was opened: its id, to send, and its future answer. */
    record Opened(String id, CompletableFuture<CallResult> answer) {
    }

    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    PendingCalls(String prefix) {
        this.prefix = prefix;
    }

    /** Opens a call, or answers empty when the session already has too many waiting. */
    Optional<Opened> open(String resource, Duration timeout, ScheduledExecutorService timer) {
        if (pending.size() >= SessionSettings.MAX_PENDING_CALLS) {
            return Optional.empty();
        }
        String id = prefix + "-" + Long.toString(sequence.incrementAndGet(), 36);
        CompletableFuture<CallResult> future = new CompletableFuture<>();
        ScheduledFuture<?> expiry = timer.schedule(() -> expire(id, timeout), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        pending.put(id, new Pending(resource, future, System.nanoTime(), expiry));
        return Optional.of(new Opened(id, future));
    }

    /** @return {@code false} when no call with this id is waiting (late or unknown answer) */
    boolean answer(String id, JsonValue output) {
        Pending call = pending.remove(id);
        if (call == null) {
            return false;
        }
        call.timeout().cancel(false);
        call.future().complete(new CallResult(output, Duration.ofNanos(System.nanoTime() - call.startNanos())));
        return true;
    }

    /** @return {@code false} when no call with this id is waiting */
    boolean fail(String id, RuntimeException failure) {
        Pending call = pending.remove(id);
        if (call == null) {
            return false;
        }
        call.timeout().cancel(false);
        call.future().completeExceptionally(failure);
        return true;
    }

    /** Ends every waiting call with {@code failure}, e.g. when the device disconnects. */
    void failAll(RuntimeException failure) {
        for (String id : pending.keySet()) {
            fail(id, failure);
        }
    }

    int size() {
        return pending.size();
    }

    private void expire(String id, Duration timeout) {
        Pending call = pending.get(id);
        if (call != null) {
            fail(id, new CallTimeoutException("The device did not answer '" + call.resource() + "' within "
                    + timeout.toMillis() + " ms."));
        }
    }
}
