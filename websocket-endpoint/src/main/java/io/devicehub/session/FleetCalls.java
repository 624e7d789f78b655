package io.devicehub.session;

import io.devicehub.common.InvalidInputException;
import io.devicehub.device.DeviceNotFoundException;
import io.devicehub.device.Devices;
import io.devicehub.device.IdentifierFilter;
import io.devicehub.session.DeviceOverview.Presence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One resource called on many devices of an account at once, each answer handed on as it arrives: what
 * {@code POST /api/v1/calls} streams. Every call goes through {@link ResourceCalls}, so each device's outcome is
 * exactly what a single call of it would give; what this adds is the fleet's rules:
 * <ul>
 *     <li>at most {@value #MAX_DEVICES} devices per fleet call, each named once;</li>
 *     <li>one deadline for all: a device called late gets what is left of the timeout, one not called before the
 *     deadline fails with {@link CallTimeoutException} without being called;</li>
 *     <li>at most {@value #WINDOW} calls in flight, and the next started only when an outcome has been handed on,
 *     so a fleet call holds a bounded number of answers however many devices it names and however slowly its
 *     caller reads; calls start {@value #BURST} at a time, with the answers already there handed on between;</li>
 *     <li>devices not online are told apart (offline or not in the account) with one query per
 *     {@code 1,000} of them, not one each;</li>
 *     <li>at most {@value #MAX_RUNNING} fleet calls run on the server at once ({@link #admit()}): each holds the
 *     thread that streams its outcomes for up to the longest timeout.</li>
 * </ul>
 */
@ApplicationScoped
public class FleetCalls {

    /** The most devices one fleet call may name or its filter may match. */
    public static final int MAX_DEVICES = 10_000;

    /** Calls of one fleet call waiting for their devices at once. */
    static final int WINDOW = 1_000;

    /**
     * Calls started before the answers already there are handed on: the first lines leave after the first
     * {@value} calls, not after the whole window.
     */
    static final int BURST = 64;

    /** Fleet calls running on the server at once. */
    public static final int MAX_RUNNING = 16;

    /** How long past the deadline the outcomes of calls already started are awaited, should one never end. */
    private static final Duration STRAGGLERS = Duration.ofSeconds(5);

    /** What became of one device: its answer or why there is none. */
    public record Outcome(String device, CallResult result, Throwable failure) {
    }

    /** Where the outcomes go, on the thread that runs the fleet call. */
    public interface Sink {

        /** @throws IOException when the outcome cannot be handed on: the fleet call stops starting calls */
        void accept(Outcome outcome) throws IOException;

        /** Nothing more is ready for now: a good moment to send what was handed on. */
        default void flush() throws IOException {
        }
    }

    /** A place among the running fleet calls, given back by {@link #close()}. */
    public final class Permit implements AutoCloseable {

        private boolean closed;

        private Permit() {
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                running.decrementAndGet();
            }
        }
    }

    @Inject
    ResourceCalls calls;

    @Inject
    LiveSessions sessions;

    @Inject
    Devices devices;

    @Inject
    SessionSettings settings;

    private final AtomicInteger running = new AtomicInteger();

    /** @throws FleetCallsBusyException when {@value #MAX_RUNNING} fleet calls are running */
    public Permit admit() {
        if (running.incrementAndGet() > MAX_RUNNING) {
            running.decrementAndGet();
            throw new FleetCallsBusyException(MAX_RUNNING + " fleet calls are running on this server, the most it "
                    + "runs at once; retry in a moment.");
        }
        return new Permit();
    }

    /**
     * The account's devices that a device-list filter selects, in identifier order.
     *
     * @param text     what the identifier or description contains, ignoring case; {@code null} for any
     * @throws InvalidInputException on the field {@code filter} when more than {@value #MAX_DEVICES} match
     */
    public List<String> matching(long accountId, String text, Presence presence) {
        Set<String> online = sessions.onlineIdentifiers(accountId);
        boolean anyText = text == null || text.isBlank();
        List<String> selected = switch (presence) {
            case ONLINE -> anyText ? online.stream().sorted().toList()
                    : devices.identifiers(accountId, text, IdentifierFilter.among(online), MAX_DEVICES + 1);
            case OFFLINE -> devices.identifiers(accountId, text, IdentifierFilter.except(online), MAX_DEVICES + 1);
            case ANY -> devices.identifiers(accountId, text, null, MAX_DEVICES + 1);
        };
        if (selected.size() > MAX_DEVICES) {
            throw new InvalidInputException("filter", "matches more than " + MAX_DEVICES + " devices, the most one "
                    + "fleet call reaches; narrow it");
        }
        return selected;
    }

    /**
     * Calls {@code resource} on each of {@code identifiers} (distinct, at most {@value #MAX_DEVICES}) and hands each
     * outcome to {@code sink} as it arrives, on this thread; returns when every device's outcome was handed on.
     *
     * @param input   as for {@link ResourceCalls#call}: {@code null} for resources that take none
     * @param timeout for the whole fleet call, at most {@link CallTimeout#MAX}; {@code null} for the default
     * @throws IOException what the sink threw: the calls already started end on their own, unheard
     */
    public void call(long accountId, List<String> identifiers, String resource, JsonValue input, Duration timeout,
                     Sink sink) throws IOException {
        Duration wait = CallTimeout.check(timeout);
        long start = System.nanoTime();
        long deadline = start + (wait == null ? settings.defaultCallTimeout() : wait).toNanos();

        List<String> live = new ArrayList<>(identifiers.size());
        List<String> absent = new ArrayList<>();
        for (String identifier : identifiers) {
            (sessions.find(accountId, identifier).isPresent() ? live : absent).add(identifier);
        }
        if (!absent.isEmpty()) {
            Set<String> registered = devices.existing(accountId, absent);
            for (String identifier : absent) {
                sink.accept(new Outcome(identifier, null, registered.contains(identifier)
                        ? new DeviceOfflineException("Device " + identifier + " is offline.")
                        : new DeviceNotFoundException(identifier)));
            }
        }

        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        Set<String> waiting = new HashSet<>();
        Iterator<String> next = live.iterator();
        long giveUp = deadline + STRAGGLERS.toNanos();
        try {
            while (true) {
                for (int burst = 0; burst < BURST && waiting.size() < WINDOW && next.hasNext(); burst++) {
                    String identifier = next.next();
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        sink.accept(new Outcome(identifier, null, new CallTimeoutException("The fleet call's "
                                + "timeout passed before device " + identifier + " could be called.")));
                        continue;
                    }
                    waiting.add(identifier);
                    calls.call(accountId, identifier, resource, input, Duration.ofNanos(left))
                            .whenComplete((result, failure) -> outcomes.add(new Outcome(identifier, result,
                                    failure)));
                }
                if (waiting.isEmpty() && !next.hasNext()) {
                    return;
                }
                Outcome outcome = outcomes.poll();
                if (outcome == null) {
                    sink.flush();
                    if (next.hasNext() && waiting.size() < WINDOW) {
                        continue;
                    }
                    outcome = outcomes.poll(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                if (outcome == null) {
                    for (String identifier : waiting) {
                        sink.accept(new Outcome(identifier, null, new CallTimeoutException("The call of '"
                                + resource + "' on device " + identifier + " did not end in time.")));
                    }
                    return;
                }
                waiting.remove(outcome.device());
                sink.accept(outcome);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The fleet call was interrupted");
        } finally {
            sink.flush();
        }
    }
}
