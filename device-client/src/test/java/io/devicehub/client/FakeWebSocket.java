package io.devicehub.client;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A {@link WebSocket} without a network that is as strict as the JDK's: a text send while the previous one is
 * pending throws {@link IllegalStateException}. In "slow" mode sends complete only when the test releases them.
 */
final class FakeWebSocket implements WebSocket {

    final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    final AtomicLong requested = new AtomicLong();
    final AtomicInteger overlappingSends = new AtomicInteger();
    final BlockingQueue<CompletableFuture<WebSocket>> pendingSends = new LinkedBlockingQueue<>();
    volatile boolean slow;
    volatile int closeCode = -1;
    volatile boolean aborted;
    /** The device's listener: a close the device sends is answered with the server's close, as a server does. */
    volatile WebSocket.Listener peer;
    private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(this);

    /** The next whole message the device sent, failing the test when none comes in time. */
    String next(Duration timeout) throws InterruptedException {
        String message = sent.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(message, "the device sent nothing within " + timeout);
        return message;
    }

    String next() throws InterruptedException {
        return next(Duration.ofSeconds(5));
    }

    @Override
    public synchronized CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
        if (!lastSend.isDone()) {
            overlappingSends.incrementAndGet();
            throw new IllegalStateException("Send pending");
        }
        sent.add(data.toString());
        lastSend = new CompletableFuture<>();
        if (slow) {
            pendingSends.add(lastSend);
        } else {
            lastSend.complete(this);
        }
        return lastSend;
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
        throw new AssertionError("the protocol has text frames only");
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
        closeCode = statusCode;
        WebSocket.Listener listener = peer;
        if (listener != null) {
            CompletableFuture.runAsync(() -> listener.onClose(this, statusCode, ""));
        }
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void request(long n) {
        requested.addAndGet(n);
    }

    @Override
    public String getSubprotocol() {
        return "";
    }

    @Override
    public boolean isOutputClosed() {
        return closeCode != -1 || aborted;
    }

    @Override
    public boolean isInputClosed() {
        return aborted;
    }

    @Override
    public void abort() {
        aborted = true;
    }
}
