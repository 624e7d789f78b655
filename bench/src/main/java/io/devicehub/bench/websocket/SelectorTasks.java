package io.devicehub.bench.websocket;

import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work for a selector thread: tasks handed over from other threads (which wake the selector) and timers set on the
 * thread itself. The thread asks how long it may wait in {@code select}, then runs what is due.
 */
final class SelectorTasks {

    private record Timer(long atNanos, long sequence, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(atNanos - other.atNanos, 0);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final Selector selector;
    private final Consumer<Runnable> runner;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private long timerSequence;

    /** @param runner runs one task on the selector thread, e.g. counting what throws instead of dying of it */
    SelectorTasks(Selector selector, Consumer<Runnable> runner) {
        this.selector = selector;
        this.runner = runner;
    }

    /** Runs {@code task} on the selector thread. Any thread. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the selector thread and waits for its answer. Not on the selector thread. */
    <T> T call(Supplier<T> task) throws InterruptedException {
        Object[] answer = new Object[1];
        CountDownLatch done = new CountDownLatch(1);
        execute(() -> {
            try {
                answer[0] = task.get();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the selector thread does not answer");
        }
        @SuppressWarnings("unchecked")
        T result = (T) answer[0];
        return result;
    }

    /** Runs {@code task} after {@code delayNanos}. Selector thread only. */
    void schedule(long delayNanos, Runnable task) {
        timers.add(new Timer(System.nanoTime() + Math.max(0, delayNanos), timerSequence++, task));
    }

    /** How long the selector may wait, at most until {@code untilNanos}: 0 when something is due already. */
    long waitMillis(long nowNanos, long untilNanos) {
        long until = untilNanos;
        Timer first = timers.peek();
        if (first != null && first.atNanos - until < 0) {
            until = first.atNanos;
        }
        return tasks.isEmpty() ? Math.max(0, TimeUnit.NANOSECONDS.toMillis(until - nowNanos)) : 0;
    }

    /** Runs the handed-over tasks, then the timers that are due. Selector thread only. */
    void runDue() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            runner.accept(task);
        }
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().atNanos - now <= 0) {
            runner.accept(timers.poll().task);
        }
    }
}
