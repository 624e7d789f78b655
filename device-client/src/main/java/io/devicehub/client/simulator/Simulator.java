package io.devicehub.client.simulator;

import io.devicehub.client.ConnectionState;
import io.devicehub.client.DeviceClient;
import io.devicehub.client.DeviceClientBuilder;
import io.devicehub.client.Resource;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the simulated devices until Ctrl-C or until all of them stopped. However many devices there are, they
 * share one {@link HttpClient} and one small scheduler, so a thousand devices do not mean thousands of threads.
 */
final class Simulator {

    static final Duration REBOOT_TIME = Duration.ofSeconds(1);
    /** Spreads the first connections so that a large --count does not arrive as one burst. */
    static final Duration START_SPACING = Duration.ofMillis(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIME = Duration.ofSeconds(10);

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;

    Simulator(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** Blocks until every device stopped on its own, and returns 1 then; Ctrl-C ends the JVM first. */
    int run() throws InterruptedException {
        List<String> names = options.deviceNames();
        int threads = Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));
        AtomicInteger threadCount = new AtomicInteger();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(threads, task -> {
            Thread thread = new Thread(task, "simulator-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        CountDownLatch stopped = new CountDownLatch(names.size());
        List<DeviceClient> clients = new ArrayList<>(names.size());
        SplittableRandom seeds = new SplittableRandom();
        for (String name : names) {
            SimulatedDevice firmware = new SimulatedDevice(seeds.split(), REBOOT_TIME, scheduler);
            DeviceClientBuilder builder = DeviceClient.builder(options.url())
                    .account(options.account()).device(name).credential(options.credential())
                    .httpClient(http).scheduler(scheduler)
                    .listener(state -> report(name, state, stopped));
            for (Resource resource : firmware.resources()) {
                builder.resource(resource);
            }
            DeviceClient client = builder.build();
            clients.add(client);
            schedulePushes(scheduler, client, firmware);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(clients, stopped), "simulator-shutdown"));
        err.printf("Simulating %d device(s) of account %s at %s; Ctrl-C stops.%n", names.size(), options.account(),
                options.url());
        for (int i = 0; i < clients.size(); i++) {
            DeviceClient client = clients.get(i);
            scheduler.schedule(client::start, START_SPACING.toMillis() * i, TimeUnit.MILLISECONDS);
        }
        stopped.await();
        return 1;
    }

    private void report(String name, ConnectionState state, CountDownLatch stopped) {
        out.println(name + " " + state);
        if (state.isStopped()) {
            stopped.countDown();
        }
    }

    private void schedulePushes(ScheduledThreadPoolExecutor scheduler, DeviceClient client,
                                SimulatedDevice firmware) {
        long interval = options.dataInterval().toMillis();
        if (interval > 0) {
            // A random phase per device, so that many devices do not push in the same millisecond.
            long phase = ThreadLocalRandom.current().nextLong(interval);
            String name = client.device();
            AtomicBoolean told = new AtomicBoolean();
            scheduler.scheduleAtFixedRate(() -> client.push("climate", firmware.climate()).whenComplete(
                    (stored, refused) -> {
                        // Each refusal would be the same (no bucket "climate", say): said once per device.
                        if (refused != null && told.compareAndSet(false, true)) {
                            err.println(name + ": a reading was not stored in bucket climate: "
                                    + refused.getMessage());
                        } else if (refused == null) {
                            told.set(false);
                        }
                    }), phase, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** The shutdown hook: closes every connection with 1000, several at a time, and lets the last lines print. */
    private static void closeAll(List<DeviceClient> clients, CountDownLatch stopped) {
        ExecutorService closing = Executors.newFixedThreadPool(Math.max(1, Math.min(16, clients.size())));
        clients.forEach(client -> closing.execute(client::close));
        closing.shutdown();
        try {
            if (closing.awaitTermination(CLOSE_TIME.toMillis(), TimeUnit.MILLISECONDS)) {
                stopped.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
