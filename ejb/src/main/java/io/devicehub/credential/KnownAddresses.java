package io.devicehub.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses an identity signed in from successfully, for a while: a device reconnecting from where it was, a
 * person at their usual desk. Bounded: entries older than {@code remembered} are forgotten, and when the table is
 * full the oldest success makes room.
 */
final class KnownAddresses {

    private final Clock clock;
    private final Duration remembered;
    private final int maxEntries;
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();

    KnownAddresses(Clock clock, Duration remembered, int maxEntries) {
        this.clock = clock;
        this.remembered = remembered;
        this.maxEntries = maxEntries;
    }

    void remember(String pair) {
        Instant now = clock.instant();
        if (lastSuccess.size() >= maxEntries && !lastSuccess.containsKey(pair)) {
            lastSuccess.values().removeIf(at -> isForgotten(at, now));
            if (lastSuccess.size() >= maxEntries) {
                lastSuccess.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                        .ifPresent(oldest -> lastSuccess.remove(oldest.getKey()));
            }
        }
        lastSuccess.put(pair, now);
    }

    boolean contains(String pair) {
        Instant at = lastSuccess.get(pair);
        return at != null && !isForgotten(at, clock.instant());
    }

    int size() {
        return lastSuccess.size();
    }

    private boolean isForgotten(Instant at, Instant now) {
        return at.plus(remembered).isBefore(now);
    }
}
