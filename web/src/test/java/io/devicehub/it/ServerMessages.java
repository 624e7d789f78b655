package io.devicehub.it;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the server sent a test's raw WebSocket client, in order: its text messages, then how it closed. The tests'
 * raw clients ({@link RawDevice}, {@link RawWebSocket}) record into one each.
 */
final class ServerMessages {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private volatile String closeReason = "";

    void text(String message) {
        received.add(message);
    }

    /** The server closed with {@code code}; {@link #next()} then answers {@code closed:<code>}. */
    void closed(int code, String reason) {
        closeReason = reason;
        if (closeCode.complete(code)) {
            received.add(RawDevice.CLOSED + code);
        }
    }

    void failed(Throwable error) {
        closeCode.completeExceptionally(error);
    }

    /** The next message, or {@code closed:<code>} once the server closed; fails the test if neither comes in time. */
    String next() {
        try {
            String message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message from the server within " + WAIT);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for the server to close the connection and returns the close code. */
    int closeCode() {
        return closeCode.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    String closeReason() {
        closeCode();
        return closeReason;
    }

    boolean isClosed() {
        return closeCode.isDone();
    }
}
