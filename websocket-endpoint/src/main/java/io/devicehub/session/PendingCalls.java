package io.devicehub.session;

import io.devicehub.protocol.ResourceDescription;
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
 * The calls one session has sent and not yet seen answered, by correlation id, at most {@code maxInFlight} at a
 * time. Each ends exactly once: answered, failed by the device, refused as an invalid answer, timed out, or failed
 * at once when the session ends. Nothing waits on a thread; the
 * timeout is a scheduled task that is cancelled when the answer comes.
 */
final class PendingCalls {

    private record Pending(ResourceDescription resource, CompletableFuture<CallResult> future, long startNanos,
                           ScheduledFuture<?> timeout) {
    }

    /** A call that was opened: its id, to send, and its future answer. */
    record Opened(String id, CompletableFuture<CallResult> answer) {
    }

    /** What became of an answer. */
    enum Answer {
        /** It ended its call. */
        TAKEN,
        /** It ended its call as a failure: a result without the output its resource must give. */
        REFUSED,
        /** No call with its id is waiting: late, answered before, or never sent. */
        UNKNOWN
    }

    private final String prefix;
    private final int maxInFlight;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    PendingCalls(String prefix, int maxInFlight) {
        this.prefix = prefix;
        this.maxInFlight = maxInFlight;
    }

    /** Opens a call, or answers empty when the session already has {@code maxInFlight} calls waiting. */
    Optional<Opened> open(ResourceDescription resource, Duration timeout, ScheduledExecutorService timer) {
        if (pending.size() >= maxInFlight) {
            return Optional.empty();
        }
        String id = prefix + "-" + Long.toString(sequence.incrementAndGet(), 36);
        CompletableFuture<CallResult> future = new CompletableFuture<>();
        ScheduledFuture<?> expiry = timer.schedule(() -> expire(id, timeout), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        pending.put(id, new Pending(resource, future, System.nanoTime(), expiry));
        return Optional.of(new Opened(id, future));
    }

    /** Ends the call {@code id} with the device's result; {@code output} is {@code null} when it sent none. */
    Answer answer(String id, JsonValue output) {
        Pending call = pending.remove(id);
        if (call == null) {
            return Answer.UNKNOWN;
        }
        call.timeout().cancel(false);
        if (output == null && call.resource().kind().producesOutput()) {
            call.future().completeExceptionally(new InvalidAnswerException(missingOutput(call.resource())));
            return Answer.REFUSED;
        }
        // Whatever a device sends beside the result of a resource without output is not its output.
        call.future().complete(new CallResult(call.resource().kind().producesOutput() ? output : null,
                Duration.ofNanos(System.nanoTime() - call.startNanos())));
        return Answer.TAKEN;
    }

    static String missingOutput(ResourceDescription resource) {
        return "The device answered '" + resource.name() + "' without an output; an " + resource.kind().wireName()
                + " resource's result must have one.";
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
            fail(id, new CallTimeoutException("The device did not answer '" + call.resource().name() + "' within "
                    + timeout.toMillis() + " ms."));
        }
    }
}
