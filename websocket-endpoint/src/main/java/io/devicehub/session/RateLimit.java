package io.devicehub.session;

/**
 * A token bucket: {@code perSecond} messages a second on average, bursts of up to twice that. Used by one
 * connection's reading thread at a time.
 */
final class RateLimit {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long lastNanos = System.nanoTime();

    RateLimit(int perSecond) {
        this.perNano = perSecond / 1e9;
        this.capacity = perSecond * 2.0;
        this.tokens = capacity;
    }

    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastNanos) * perNano);
        lastNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
