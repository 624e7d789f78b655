package io.devicehub.bench.calls;

import io.devicehub.bench.report.LatencyReport;
import io.devicehub.bench.report.Tally;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open loop at a fixed rate: call {@code i} is due at {@code start + i / rate} and starts then, however many
 * earlier calls are still open; its latency counts from when it was due, not from when it could start. A server
 * that stalls for a second is thus charged the stall on every call due during it, as its users would feel it (no
 * coordinated omission). Beyond {@value #MAX_OPEN} open calls the driver gives up on further ones and counts them
 * as errors rather than exhaust the machine.
 */
public final class FixedRate implements LoadDriver {

    static final int MAX_OPEN = 20_000;

    private final CallTarget target;
    private final double perSecond;
    private final Histogram latencies = LatencyReport.newHistogram();
    private final Tally errors = new Tally();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();

    public FixedRate(CallTarget target, double perSecond) {
        this.target = target;
        this.perSecond = perSecond;
    }

    @Override
    public LoadResult run(Duration duration) throws InterruptedException {
        long calls = Math.round(duration.toNanos() / 1e9 * perSecond);
        double interval = 1e9 / perSecond;
        CountDownLatch done = new CountDownLatch((int) calls);
        long start = System.nanoTime();
        for (long i = 0; i < calls; i++) {
            long due = start + Math.round(i * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (open.get() >= MAX_OPEN) {
                count(due, "driver gave up: " + MAX_OPEN + " calls open");
                done.countDown();
                continue;
            }
            open.incrementAndGet();
            target.call(i).whenComplete((failure, impossible) -> {
                open.decrementAndGet();
                count(due, failure);
                done.countDown();
            });
        }
        if (!done.await(30, TimeUnit.SECONDS)) {
            errors.count("calls still open 30 s after the end");
        }
        return new LoadResult(String.format("fixed rate, %,.0f calls/s", perSecond), succeeded.get(), errors,
                System.nanoTime() - start, latencies);
    }

    private synchronized void count(long due, String failure) {
        latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
        if (failure == null) {
            succeeded.incrementAndGet();
        } else {
            errors.count(failure);
        }
    }
}
