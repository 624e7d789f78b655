package io.devicehub.bench.calls;

import io.devicehub.bench.report.LatencyReport;
import io.devicehub.bench.report.Tally;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: {@code concurrency} calls always in flight, each started as soon as the previous one of its lane
 * ends. Its throughput is the most the server (and this machine) can do at that concurrency; its latencies are
 * those of a saturated server, not of a given load.
 */
public final class ClosedLoop implements LoadDriver {

    private final CallTarget target;
    private final int concurrency;
    private final Histogram latencies = LatencyReport.newHistogram();
    private final Tally errors = new Tally();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private volatile long deadline;
    private CountDownLatch lanesDone;

    public ClosedLoop(CallTarget target, int concurrency) {
        this.target = target;
        this.concurrency = concurrency;
    }

    @Override
    public LoadResult run(Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        deadline = start + duration.toNanos();
        lanesDone = new CountDownLatch(concurrency);
        for (int lane = 0; lane < concurrency; lane++) {
            next();
        }
        if (!lanesDone.await(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            errors.count("calls still open 30 s after the end");
        }
        return new LoadResult("closed loop, " + concurrency + " in flight", succeeded.get(), errors,
                System.nanoTime() - start, latencies);
    }

    private void next() {
        long started = System.nanoTime();
        if (started - deadline >= 0) {
            lanesDone.countDown();
            return;
        }
        CompletableFuture<String> call = target.call(sequence.getAndIncrement());
        if (call.isDone()) {
            // Answered on this very stack (a refusal): continue from another, or a run of them would overflow it.
            record(started, call.join());
            ForkJoinPool.commonPool().execute(this::next);
        } else {
            call.whenComplete((failure, impossible) -> {
                record(started, failure);
                next();
            });
        }
    }

    private synchronized void record(long started, String failure) {
        latencies.recordValue(Math.max(0, (System.nanoTime() - started) / 1_000));
        if (failure == null) {
            succeeded.incrementAndGet();
        } else {
            errors.count(failure);
        }
    }
}
