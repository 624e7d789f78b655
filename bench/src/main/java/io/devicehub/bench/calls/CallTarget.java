package io.devicehub.bench.calls;

import java.util.concurrent.CompletableFuture;

/** Something a load driver calls: one relayed resource call, or one WebSocket round trip. */
public interface CallTarget {

    /**
     * Starts call number {@code sequence}. The stage completes with {@code null} on success or the kind of failure
     * ({@code HTTP 503 device-offline}); it never completes exceptionally.
     */
    CompletableFuture<String> call(long sequence);
}
