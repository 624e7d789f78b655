package io.devicehub.client;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendChainTest {

    @Test
    void sendsFromManyThreadsNeverOverlapAndAllArrive() throws Exception {
        FakeWebSocket socket = new FakeWebSocket();
        socket.slow = true;
        Traffic traffic = new Traffic();
        SendChain chain = new SendChain(socket, traffic, error -> { });
        int threads = 8;
        int perThread = 50;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int sender = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    chain.sendText(sender + ":" + i);
                }
            });
            thread.start();
            senders.add(thread);
        }
        go.countDown();
        // Play a slow network: complete each pending send only after a moment, from this thread.
        for (int i = 0; i < threads * perThread; i++) {
            CompletableFuture<?> pending = socket.pendingSends.poll(5, TimeUnit.SECONDS);
            assertNotNull(pending, "send " + i + " never started");
            pending.complete(null);
        }
        for (Thread thread : senders) {
            thread.join();
        }
        assertEquals(0, socket.overlappingSends.get());
        assertEquals(threads * perThread, new HashSet<>(socket.sent).size());
        assertEquals(threads * perThread, traffic.sent.get());
    }

    @Test
    void messagesOfOneThreadKeepTheirOrder() throws Exception {
        FakeWebSocket socket = new FakeWebSocket();
        SendChain chain = new SendChain(socket, new Traffic(), error -> { });
        for (int i = 0; i < 100; i++) {
            chain.sendText("m" + i);
        }
        for (int i = 0; i < 100; i++) {
            assertEquals("m" + i, socket.next());
        }
    }

    @Test
    void manySendsThatCompleteAtOnceDoNotDeepenTheStack() {
        FakeWebSocket socket = new FakeWebSocket();
        socket.slow = true;
        SendChain chain = new SendChain(socket, new Traffic(), error -> { });
        CompletableFuture<Void> first = chain.sendText("first");
        CompletableFuture<Void> last = null;
        for (int i = 0; i < SendChain.MAX_PENDING; i++) {
            last = chain.sendText("m" + i);
        }
        socket.slow = false;
        socket.pendingSends.poll().complete(socket);
        assertTrue(first.isDone());
        assertTrue(last.isDone() && !last.isCompletedExceptionally());
    }

    @Test
    void aFullQueueRefusesMoreAtOnce() {
        FakeWebSocket socket = new FakeWebSocket();
        socket.slow = true;
        SendChain chain = new SendChain(socket, new Traffic(), error -> { });
        chain.sendText("in flight");
        for (int i = 0; i < SendChain.MAX_PENDING; i++) {
            assertFalse(chain.sendText("waiting " + i).isDone());
        }
        assertTrue(chain.sendText("one too many").isCompletedExceptionally());
    }

    @Test
    void aFailedSendIsReportedAsABrokenConnection() {
        FakeWebSocket socket = new FakeWebSocket();
        socket.slow = true;
        AtomicReference<Throwable> reported = new AtomicReference<>();
        SendChain chain = new SendChain(socket, new Traffic(), reported::set);
        CompletableFuture<Void> sent = chain.sendText("doomed");
        socket.pendingSends.poll().completeExceptionally(new java.io.IOException("connection reset"));
        assertTrue(sent.isCompletedExceptionally());
        assertEquals("connection reset", reported.get().getMessage());
    }

    @Test
    void theCloseWaitsForTheMessagesBeforeIt() {
        FakeWebSocket socket = new FakeWebSocket();
        socket.slow = true;
        SendChain chain = new SendChain(socket, new Traffic(), error -> { });
        chain.sendText("last words");
        CompletableFuture<Void> closed = chain.sendClose(1000, "bye");
        assertEquals(-1, socket.closeCode);
        socket.pendingSends.poll().complete(socket);
        assertEquals(1000, socket.closeCode);
        assertTrue(closed.isDone());
    }
}
