package io.devicehub.bench.storm;

import io.devicehub.bench.Arguments;
import io.devicehub.bench.Command;
import io.devicehub.bench.ResultFile;
import io.devicehub.bench.Secrets;
import io.devicehub.bench.UsageException;
import io.devicehub.bench.report.Distribution;
import io.devicehub.bench.server.CpuWindow;
import io.devicehub.bench.server.Jcmd;
import io.devicehub.bench.server.LinuxProcess;
import io.devicehub.bench.server.ThreadNames;
import io.devicehub.bench.websocket.DeviceFleet;
import io.devicehub.bench.websocket.LightClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code storm}: see the package description. The restart itself is done by whoever runs the server
 * ({@code bench/run}): this command writes {@code --ready-file} once every device is online, and recognises the new
 * server by the new process id in {@code --pid-file} answering {@code /health}.
 */
public final class StormCommand implements Command {

    private static final Duration POLL = Duration.ofMillis(50);

    @Override
    public String summary() {
        return "storm --url http://127.0.0.1:18080 --account NAME --devices N --pid-file FILE --ready-file FILE\n"
                + "      [--first 0] [--in-flight 200] [--per-address 500] [--max-wait 3m] [--max-restart 5m]\n"
                + "      [--jcmd PATH] [--out FILE]\n"
                + "      holds N devices, lets the caller restart the server, times their return "
                + "(env BENCH_DEVICE_CREDENTIAL)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        URI url = arguments.uri("url", "http://127.0.0.1:18080");
        String account = arguments.required("account");
        int devices = arguments.integer("devices", 500);
        int first = arguments.integer("first", 0);
        int inFlight = arguments.integer("in-flight", 200);
        // Unlike idle sessions, a storm's devices retry: every failed attempt leaves its client port in TIME_WAIT
        // for a minute, and once an address's ~28,000 ports run out, binding the next one crawls through the
        // whole range (measured: the load generator's one thread spent its time in bind() while the server idled).
        int perAddress = arguments.integer("per-address", 500);
        Path pidFile = arguments.path("pid-file", null);
        Path readyFile = arguments.path("ready-file", null);
        Duration maxWait = arguments.duration("max-wait", Duration.ofMinutes(3));
        Duration maxRestart = arguments.duration("max-restart", Duration.ofMinutes(5));
        Path jcmdPath = arguments.path("jcmd", null);
        Path out = arguments.path("out", null);
        arguments.done();
        if (pidFile == null || readyFile == null) {
            throw new UsageException("--pid-file and --ready-file are required: the caller "
                    + "restarts the server");
        }

        DeviceFleet fleet = new DeviceFleet(account, Secrets.required(Secrets.DEVICE_CREDENTIAL), first, devices,
                perAddress);
        StormDevices storm = new StormDevices(fleet.connections(), inFlight);
        LightClient client = new LightClient(DeviceFleet.server(url), DeviceFleet.PATH, fleet.authMessages(), storm);
        JsonObjectBuilder result = Json.createObjectBuilder().add("devices", devices);
        boolean allBack = false;
        try {
            client.execute(() -> storm.begin(client));
            System.out.printf("storm: bringing %,d devices online%n", devices);
            if (!waitFor(() -> storm.online() + storm.failedBeforeRestart() >= devices, Duration.ofMinutes(10))
                    || storm.online() < devices) {
                System.out.printf("storm: only %,d of %,d online; not restarting%n", storm.online(), devices);
                result.add("onlineBeforeRestart", storm.online());
                return finish(out, result.build(), 1);
            }
            long oldPid = readPid(pidFile);
            Files.writeString(readyFile, "all online\n");
            System.out.printf("storm: %,d online; waiting for the server (pid %d) to be restarted%n", devices, oldPid);
            if (!waitFor(storm::restarted, maxRestart)) {
                throw new IOException("the server was not restarted within " + maxRestart.toSeconds() + " s");
            }
            long newPid = waitForNewServer(url, pidFile, oldPid, maxRestart);
            long ready = System.nanoTime();
            client.execute(() -> storm.serverReady(ready));
            LinuxProcess server = new LinuxProcess(newPid);
            CpuWindow cpu = CpuWindow.open(server);
            long downMillis = (ready - storm.firstDropNanos()) / 1_000_000;
            System.out.printf("storm: new server (pid %d) ready %.1f s after the first drop; %,d devices online%n",
                    newPid, downMillis / 1000.0, storm.online());
            long deadline = ready + maxWait.toNanos();
            long nextReport = ready + Duration.ofSeconds(5).toNanos();
            while (storm.online() < devices && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
                if (System.nanoTime() - nextReport > 0) {
                    nextReport += Duration.ofSeconds(5).toNanos();
                    System.out.printf("storm: %,d online after %.0f s%n", storm.online(),
                            (System.nanoTime() - ready) / 1e9);
                }
            }
            allBack = storm.online() >= devices;
            long allBackMillis = (System.nanoTime() - ready) / 1_000_000;
            Map<Long, String> names = ThreadNames.of(new Jcmd(jcmdPath, newPid).run("Thread.print"));
            JsonObject serverCpu = cpu.close(8, names);

            long[] fromReady = client.call(storm::millisFromReady);
            long[] serverPart = client.call(storm::millisFromFirstAttemptAfterReady);
            long back = Arrays.stream(fromReady).filter(ms -> ms >= 0).count();
            long within30s = Arrays.stream(fromReady).filter(ms -> ms >= 0 && ms <= 30_000).count();
            result.add("downMillis", downMillis)
                    .add("allOnline", allBack)
                    .add("readyToAllOnlineMillis", allBack ? allBackMillis : -1)
                    .add("onlineAgain", back)
                    .add("onlineWithin30s", within30s)
                    .add("fromReadyMillis", new Distribution(Arrays.stream(fromReady).filter(ms -> ms >= 0)
                            .toArray()).toJson())
                    .add("fromFirstAttemptAfterReadyMillis", new Distribution(serverPart).toJson())
                    .add("idealServerFromReadyMillis",
                            new Distribution(IdealServer.fromReadyMillis(devices, downMillis, 1)).toJson())
                    .add("attemptsAfterRestart", client.call(storm::attemptsAfterRestart))
                    .add("endingsAfterRestart", storm.endingsAfterRestart().toJson())
                    .add("serverCpuUntilAllOnline", serverCpu);
            System.out.printf("storm: %,d of %,d online again, %s %.1f s after the server was ready; server used "
                            + "%.2f cores meanwhile%n", back, devices, allBack ? "all" : "not all",
                    allBackMillis / 1000.0, serverCpu.getJsonNumber("cores").doubleValue());
        } finally {
            client.shutdown(Duration.ofSeconds(30));
        }
        return finish(out, result.build(), allBack ? 0 : 1);
    }

    private static int finish(Path out, JsonObject json, int status) throws IOException {
        if (out != null) {
            ResultFile.write(out, json);
        }
        return status;
    }

    private static long waitForNewServer(URI url, Path pidFile, long oldPid, Duration max)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(url.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            long pid = readPid(pidFile);
            if (pid != oldPid && pid > 0) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return pid;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IOException("no new server answered /health within " + max.toSeconds() + " s");
    }

    private static long readPid(Path pidFile) throws IOException {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (NumberFormatException | NoSuchFileException e) {
            return -1;
        }
    }

    private static boolean waitFor(BooleanSupplier condition, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }
}
