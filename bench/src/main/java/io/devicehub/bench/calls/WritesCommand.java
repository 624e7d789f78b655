package io.devicehub.bench.calls;

import io.devicehub.bench.Arguments;
import io.devicehub.bench.Command;
import io.devicehub.bench.ResultFile;
import io.devicehub.bench.Secrets;
import io.devicehub.bench.server.CpuWindow;
import io.devicehub.bench.server.LinuxProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code writes}: acknowledged writes per second through the API, closed loop — what each commit costs the server
 * and its database (see {@link DescriptionWrites}).
 */
public final class WritesCommand implements Command {

    @Override
    public String summary() {
        return "writes --url http://127.0.0.1:18080 --account NAME [--devices 8] [--concurrency 8] [--warmup 5s]\n"
                + "      [--duration 15s] [--server-pid PID] [--out FILE]\n"
                + "      acknowledged description changes (small committed transactions) per second"
                + " (env BENCH_PASSWORD)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        URI url = arguments.uri("url", "http://127.0.0.1:18080");
        String account = arguments.required("account");
        int devices = arguments.integer("devices", 8);
        int concurrency = arguments.integer("concurrency", 8);
        Duration warmup = arguments.duration("warmup", Duration.ofSeconds(5));
        Duration duration = arguments.duration("duration", Duration.ofSeconds(15));
        long pid = arguments.integer("server-pid", 0);
        Path out = arguments.path("out", null);
        arguments.done();

        ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "rest-client");
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ApiToken token = ApiToken.signIn(api, url, account, Secrets.required(Secrets.PASSWORD));
            DescriptionWrites writes = new DescriptionWrites(api, url, token, devices);
            writes.registerDevices(url);
            System.out.printf("writes: %d devices, %d in flight; warming up for %d s%n", devices, concurrency,
                    warmup.toSeconds());
            JsonObjectBuilder result = Json.createObjectBuilder().add("devices", devices)
                    .add("concurrency", concurrency)
                    .add("warmup", new ClosedLoop(writes, concurrency).run(warmup).toJson());
            CpuWindow serverCpu = pid > 0 ? CpuWindow.open(new LinuxProcess(pid)) : null;
            LoadResult measured = new ClosedLoop(writes, concurrency).run(duration);
            JsonObjectBuilder closed = Json.createObjectBuilder(measured.toJson());
            if (serverCpu != null) {
                closed.add("server", serverCpu.close(5));
            }
            System.out.printf("writes: closed loop: %s%n", measured.line().replace("calls/s", "writes/s"));
            JsonObject json = result.add("closedLoop", closed).build();
            if (out != null) {
                ResultFile.write(out, json);
            }
            return 0;
        } finally {
            threads.shutdownNow();
        }
    }
}
