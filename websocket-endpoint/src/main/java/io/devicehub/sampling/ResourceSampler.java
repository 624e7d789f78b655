package io.devicehub.sampling;

import io.devicehub.bucket.BucketChanged;
import io.devicehub.bucket.BucketData;
import io.devicehub.bucket.BucketEvents;
import io.devicehub.bucket.BucketWriter;
import io.devicehub.bucket.Buckets;
import io.devicehub.bucket.FailedSamples;
import io.devicehub.bucket.SampledResource;
import io.devicehub.common.DeviceHubException;
import io.devicehub.session.CallResult;
import io.devicehub.session.ResourceCalls;
import io.devicehub.session.StoreRefusal;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples the device resources that buckets of source "resource" name. A bucket sampling every N seconds is
 * sampled at the multiples of N seconds since 1970 (a minute's bucket at :00 of every minute): the server calls the
 * resource and stores its output as the record of that moment. A sample that cannot be taken — the device is
 * offline, has no such resource, reports an error, does not answer in time, or the last call is still waiting —
 * leaves a gap that is counted with its reason. Never more than one call per bucket waits (for up to
 * {@link #WAIT}): a device slower than the interval is sampled as fast as it answers, the moments between are gaps,
 * and it is never sent a pile of calls.
 * <p>
 * What is sampled comes from the database: read when the application starts (sampling survives restarts), again
 * when a bucket changes, and every {@value #RELOAD_SECONDS} seconds in any case. Each sample looks the device up
 * anew, so sampling follows it through reconnects. One timer thread does all of it; the calls wait for no thread.
 */
@ApplicationScoped
public class ResourceSampler {

    static final int RELOAD_SECONDS = 30;
    static final int FAILURES_FLUSH_SECONDS = 5;
    /**
     * How long a sample waits for its device, whatever the interval: a shorter wait would let a device that is
     * slower than the interval get a new call while it still works on the last one.
     */
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(ResourceSampler.class.getName());

    @Inject
    Buckets buckets;

    @Inject
    BucketData data;

    @Inject
    BucketWriter writer;

    @Inject
    BucketEvents bucketEvents;

    @Inject
    ResourceCalls calls;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    /** A bucket's schedule: what to sample, when next, and whether its last call still waits. */
    private static final class Schedule {
        volatile SampledResource sampled;
        volatile long nextDue;
        final AtomicBoolean waiting = new AtomicBoolean();

        Schedule(SampledResource sampled, long now) {
            this.sampled = sampled;
            this.nextDue = after(now, sampled.seconds());
        }

        /** The first multiple of {@code seconds} since 1970 after {@code now} (milliseconds). */
        static long after(long now, int seconds) {
            long length = seconds * 1000L;
            return (now / length + 1) * length;
        }
    }

    private final Map<Long, Schedule> schedules = new ConcurrentHashMap<>();
    private final Map<Long, FailedSamples> failures = new ConcurrentHashMap<>();
    private final Consumer<Object> changes = this::onBucketEvent;
    private volatile ScheduledThreadPoolExecutor timer;

    /** Starts sampling; called once the application is deployed. */
    public synchronized void start() {
        timer = new ScheduledThreadPoolExecutor(1, threads);
        timer.setRemoveOnCancelPolicy(true);
        bucketEvents.subscribe(changes);
        timer.execute(this::reloadAll);
        long now = System.currentTimeMillis();
        timer.scheduleAtFixedRate(this::tick, 1000 - now % 1000, 1000, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::reloadAll, RELOAD_SECONDS, RELOAD_SECONDS, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::flushFailures, FAILURES_FLUSH_SECONDS, FAILURES_FLUSH_SECONDS,
                TimeUnit.SECONDS);
    }

    /** How many buckets are being sampled now. */
    public int sampling() {
        return schedules.size();
    }

    private void onBucketEvent(Object event) {
        ScheduledThreadPoolExecutor running = timer;
        if (event instanceof BucketChanged change && running != null) {
            running.execute(() -> reload(change.bucketId()));
        }
    }

    private void reloadAll() {
        try {
            long now = System.currentTimeMillis();
            Map<Long, SampledResource> current = new HashMap<>();
            for (SampledResource sampled : buckets.sampled()) {
                current.put(sampled.bucketId(), sampled);
            }
            schedules.keySet().retainAll(current.keySet());
            current.values().forEach(sampled -> keep(sampled, now));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read which resources to sample; trying again in " + RELOAD_SECONDS
                    + " s", e);
        }
    }

    private void reload(long bucketId) {
        try {
            buckets.sampled(bucketId).ifPresentOrElse(sampled -> keep(sampled, System.currentTimeMillis()),
                    () -> schedules.remove(bucketId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read bucket " + bucketId + "; reading all in " + RELOAD_SECONDS + " s",
                    e);
        }
    }

    /** A new schedule, or the new settings of one (its next sample moves when the interval changed). */
    private void keep(SampledResource sampled, long now) {
        Schedule schedule = schedules.computeIfAbsent(sampled.bucketId(), id -> new Schedule(sampled, now));
        if (schedule.sampled.seconds() != sampled.seconds()) {
            schedule.nextDue = Schedule.after(now, sampled.seconds());
        }
        schedule.sampled = sampled;
    }

    private void tick() {
        long now = System.currentTimeMillis();
        for (Schedule schedule : schedules.values()) {
            if (schedule.nextDue <= now) {
                long due = schedule.nextDue;
                schedule.nextDue = Schedule.after(now, schedule.sampled.seconds());
                try {
                    sample(schedule, due);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Sampling bucket " + schedule.sampled.bucketId() + " failed", e);
                }
            }
        }
    }

    private void sample(Schedule schedule, long due) {
        SampledResource sampled = schedule.sampled;
        if (!schedule.waiting.compareAndSet(false, true)) {
            failed(sampled, due, "The previous sample's call was still waiting for the device.");
            return;
        }
        calls.sample(sampled.accountId(), sampled.device(), sampled.resource(), WAIT)
                .whenComplete((result, failure) -> {
                    schedule.waiting.set(false);
                    if (failure == null) {
                        store(sampled, due, result);
                    } else {
                        failed(sampled, due, reason(failure));
                    }
                });
    }

    private void store(SampledResource sampled, long due, CallResult result) {
        writer.submitSample(sampled, due, result.output() == null ? jakarta.json.JsonValue.NULL : result.output())
                .whenComplete((stored, refused) -> {
                    if (refused != null) {
                        failed(sampled, due, "Not stored: " + StoreRefusal.of(refused).message());
                    }
                });
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof DeviceHubException known) {
            return known.getMessage();
        }
        LOG.log(Level.WARNING, "A sample failed unexpectedly", cause);
        return "The server could not take the sample.";
    }

    private void failed(SampledResource sampled, long due, String reason) {
        Instant at = Instant.ofEpochMilli(due);
        failures.merge(sampled.bucketId(), new FailedSamples(sampled.bucketId(), 1, reason, at),
                (counted, next) -> next.lastAt().isBefore(counted.lastAt())
                        ? counted.and(counted.lastError(), counted.lastAt()) : counted.and(reason, at));
    }

    private void flushFailures() {
        List<FailedSamples> taken = failures.keySet().stream().map(failures::remove)
                .filter(java.util.Objects::nonNull).toList();
        try {
            data.noteFailedSamples(taken);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not count " + taken.size() + " buckets' failed samples", e);
        }
    }

    /** Stops sampling (before the devices are told the server stops: their going offline is no gap) and counts. */
    @PreDestroy
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        bucketEvents.unsubscribe(changes);
        timer.shutdownNow();
        timer = null;
        flushFailures();
    }
}
