package io.devicehub.bench.calls;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadDriversTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    /** Answers after {@code millis}, failing every {@code failEvery}-th call. */
    private CallTarget answeringAfter(long millis, int failEvery) {
        return sequence -> {
            CompletableFuture<String> answer = new CompletableFuture<>();
            String outcome = failEvery > 0 && sequence % failEvery == 0 ? "HTTP 503 device-offline" : null;
            timer.schedule(() -> answer.complete(outcome), millis, TimeUnit.MILLISECONDS);
            return answer;
        };
    }

    @Test
    void aClosedLoopKeepsItsLanesBusyAndCountsFailuresByKind() throws InterruptedException {
        LoadResult result = new ClosedLoop(answeringAfter(10, 4), 4).run(Duration.ofMillis(500));

        long calls = result.succeeded() + result.errors().total();
        assertTrue(calls >= 100 && calls <= 210, "4 lanes of ~10 ms calls for 0.5 s: " + calls);
        assertEquals(calls / 4, result.errors().total(), 1.0);
        JsonObject json = result.toJson();
        assertEquals(result.errors().total(), json.getJsonObject("errorKinds").getInt("HTTP 503 device-offline"));
        assertTrue(json.getJsonObject("latency").getJsonNumber("p50Ms").doubleValue() >= 10);
    }

    @Test
    void aClosedLoopSurvivesATargetThatRefusesOnTheSpot() throws InterruptedException {
        LoadResult result = new ClosedLoop(sequence -> CompletableFuture.completedFuture("refused"), 2)
                .run(Duration.ofMillis(200));

        assertEquals(0, result.succeeded());
        assertTrue(result.errors().total() > 100, "many immediate refusals, and no stack overflow");
    }

    @Test
    void aFixedRateStartsCallsOnScheduleAndChargesAStallToEveryCallItDelayed() throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        // The first call stalls for 300 ms; the target serves one call at a time, like a blocked server.
        CallTarget serial = new CallTarget() {
            private CompletableFuture<String> previous = CompletableFuture.completedFuture(null);

            @Override
            public synchronized CompletableFuture<String> call(long sequence) {
                started.incrementAndGet();
                long millis = sequence == 0 ? 300 : 1;
                CompletableFuture<String> answer = new CompletableFuture<>();
                previous.whenComplete((done, failure) ->
                        timer.schedule(() -> answer.complete(null), millis, TimeUnit.MILLISECONDS));
                previous = answer;
                return answer;
            }
        };

        LoadResult result = new FixedRate(serial, 100).run(Duration.ofMillis(500));

        assertEquals(50, started.get(), "100 calls/s for 0.5 s, on schedule whatever the stall");
        assertEquals(50, result.succeeded());
        // Calls due at 0, 10 … 290 ms end one after another from 300 ms: each waited 300 - 9 i ms from its due time,
        // which a driver timing from the moment it could start would have recorded as 1 ms.
        assertTrue(result.latencyMicros().getMaxValue() >= 290_000, "the stalled call itself");
        long charged = result.latencyMicros().getCountBetweenValues(100_000, 1_000_000);
        assertTrue(charged >= 20, "the calls due during the stall are charged with it: " + charged);
    }
}
