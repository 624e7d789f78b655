package io.devicehub.bench.calls;

import io.devicehub.bench.DeviceNames;
import io.devicehub.client.ConnectionState;
import io.devicehub.client.DeviceClient;
import io.devicehub.client.Resource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The devices that answer the relayed calls: built with the SDK, as a user's firmware would be, each declaring one
 * {@code echo} input/output resource that answers with its input. They share one {@link HttpClient} and two
 * threads, so that the load generator stays small beside the server.
 */
final class EchoDevices {

    private final List<DeviceClient> clients = new ArrayList<>();
    private final ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(2, task -> {
        Thread thread = new Thread(task, "echo-device");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService network = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "echo-network");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger wentOffline = new AtomicInteger();
    private final String[] names;

    EchoDevices(URI ws, String account, String credential, int first, int count) {
        HttpClient http = HttpClient.newBuilder().executor(network).connectTimeout(Duration.ofSeconds(10)).build();
        names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = DeviceNames.of(first + i);
            clients.add(DeviceClient.builder(ws).account(account).device(names[i]).credential(credential)
                    .httpClient(http).scheduler(threads)
                    .resource(Resource.inputOutput("echo", input -> input))
                    .listener(this::stateChanged)
                    .build());
        }
    }

    String[] names() {
        return names.clone();
    }

    /** Starts every device and waits until all are online. */
    void start(Duration timeout) throws IOException, InterruptedException {
        for (DeviceClient client : clients) {
            client.start();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (DeviceClient client : clients) {
            long left = deadline - System.nanoTime();
            if (!client.awaitOnline(Duration.ofNanos(Math.max(1, left)))) {
                throw new IOException("echo device " + client.device() + " is not online: " + client.state());
            }
        }
        wentOffline.set(0);
    }

    /** How often a device lost its connection since {@link #start}: each is a disturbed run. */
    int wentOffline() {
        return wentOffline.get();
    }

    void close() {
        clients.parallelStream().forEach(DeviceClient::close);
        threads.shutdownNow();
        network.shutdownNow();
    }

    private void stateChanged(ConnectionState state) {
        if (state.status() == ConnectionState.Status.OFFLINE && state.retryIn().isPresent()) {
            wentOffline.incrementAndGet();
        }
    }
}
