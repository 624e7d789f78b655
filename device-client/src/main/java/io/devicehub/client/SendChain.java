package io.devicehub.client;

import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Puts every outgoing message of one connection in a single line. The JDK WebSocket throws
 * {@link IllegalStateException} when {@code sendText} is called before the previous send completed, yet answers,
 * pushes, pings and the close come from many threads: each waits here for its turn.
 *
 * <p>Sends that complete at once are handled in a loop rather than by recursion, so a long queue cannot overflow the
 * stack, and the queue is bounded so a stalled connection cannot take all the memory.
 */
final class SendChain {

    static final int MAX_PENDING = 1_000;

    private record Pending(Function<WebSocket, CompletableFuture<WebSocket>> action, boolean counted,
                           CompletableFuture<Void> done) {
    }

    private final WebSocket socket;
    private final Traffic traffic;
    private final Consumer<Throwable> failed;
    private final Queue<Pending> queue = new ArrayDeque<>();
    private boolean sending;
    private volatile long lastSentNanos = System.nanoTime();

    /** @param failed told about each send that failed, i.e. that the connection is broken */
    SendChain(WebSocket socket, Traffic traffic, Consumer<Throwable> failed) {
        this.socket = socket;
        this.traffic = traffic;
        this.failed = failed;
    }

    /** Sends one whole text message after all earlier ones; fails at once when too many are waiting. */
    CompletableFuture<Void> sendText(String text) {
        return enqueue(new Pending(ws -> ws.sendText(text, true), true, new CompletableFuture<>()));
    }

    /** Sends the close frame after all earlier messages. */
    CompletableFuture<Void> sendClose(int code, String reason) {
        return enqueue(new Pending(ws -> ws.sendClose(code, reason), false, new CompletableFuture<>()));
    }

    /** When the last message was written, by {@link System#nanoTime()}; the heartbeat starts from it. */
    long lastSentNanos() {
        return lastSentNanos;
    }

    private CompletableFuture<Void> enqueue(Pending pending) {
        synchronized (this) {
            if (queue.size() >= MAX_PENDING) {
                pending.done().completeExceptionally(new IllegalStateException(
                        "more than " + MAX_PENDING + " messages are waiting to be sent"));
                return pending.done();
            }
            queue.add(pending);
            if (sending) {
                return pending.done();
            }
            sending = true;
        }
        drain();
        return pending.done();
    }

    private void drain() {
        while (true) {
            Pending next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    sending = false;
                    return;
                }
            }
            CompletableFuture<WebSocket> sent;
            try {
                sent = next.action().apply(socket);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            if (!sent.isDone()) {
                Pending waiting = next;
                sent.whenComplete((ws, error) -> {
                    finish(waiting, error);
                    drain();
                });
                return;
            }
            finish(next, failure(sent));
        }
    }

    private void finish(Pending pending, Throwable error) {
        if (error == null) {
            lastSentNanos = System.nanoTime();
            if (pending.counted()) {
                traffic.sent.incrementAndGet();
            }
            pending.done().complete(null);
        } else {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            pending.done().completeExceptionally(cause);
            failed.accept(cause);
        }
    }

    private static Throwable failure(CompletionStage<WebSocket> done) {
        return done.handle((ws, error) -> error).toCompletableFuture().join();
    }
}
