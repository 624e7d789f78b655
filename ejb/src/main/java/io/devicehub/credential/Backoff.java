package io.devicehub.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exponential backoff per key: from the {@code failuresBeforeBlock}-th failure in a row on, each failure blocks the
 * key for twice as long as the one before (the first delay, then double, up to the cap). Memory is bounded: keys
 * quiet for longer than the cap are forgotten, and when the table is full the key that failed longest ago makes
 * room.
 */
final class Backoff {

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final Clock clock;
    private final int failuresBeforeBlock;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int maxKeys;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    Backoff(Clock clock, int failuresBeforeBlock, Duration firstDelay, Duration maxDelay, int maxKeys) {
        this.clock = clock;
        this.failuresBeforeBlock = failuresBeforeBlock;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.maxKeys = maxKeys;
    }

    Duration blockedFor(String key) {
        Failures current = key == null ? null : failures.get(key);
        if (current == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), current.blockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    void failed(String key) {
        if (key == null) {
            return;
        }
        Instant now = clock.instant();
        if (failures.size() >= maxKeys && !failures.containsKey(key)) {
            makeRoom(now);
        }
        failures.compute(key, (k, previous) -> {
            int count = previous == null || isForgotten(previous, now) ? 1 : previous.count() + 1;
            return new Failures(count, now, now.plus(delayAfter(count)));
        });
    }

    void forget(String key) {
        if (key != null) {
            failures.remove(key);
        }
    }

    Duration delayAfter(int count) {
        int beyond = count - failuresBeforeBlock;
        if (beyond < 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(beyond, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    int size() {
        return failures.size();
    }

    private boolean isForgotten(Failures entry, Instant now) {
        return entry.last().plus(maxDelay).isBefore(now);
    }

    private void makeRoom(Instant now) {
        failures.values().removeIf(entry -> isForgotten(entry, now));
        if (failures.size() >= maxKeys) {
            failures.entrySet().stream()
                    .min(Comparator.comparing(entry -> entry.getValue().last()))
                    .ifPresent(oldest -> failures.remove(oldest.getKey()));
        }
    }
}
