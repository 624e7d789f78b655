package io.devicehub.bench.idle;

import io.devicehub.bench.Arguments;
import io.devicehub.bench.Command;
import io.devicehub.bench.ResultFile;
import io.devicehub.bench.Secrets;
import io.devicehub.bench.server.CpuWindow;
import io.devicehub.bench.server.HeapSnapshot;
import io.devicehub.bench.server.Jcmd;
import io.devicehub.bench.server.LinuxProcess;
import io.devicehub.bench.server.ThreadCensus;
import io.devicehub.bench.websocket.DeviceFleet;
import io.devicehub.bench.websocket.LightClient;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code idle}: see the package description.
 * <p>
 * The heap per session is a slope, not an average: the devices come online in two stages, a fifth first, then the
 * rest, with a full collection and a class histogram at each plateau. What the first sessions cost besides their
 * own state (the HTTP pool growing to its maximum under the ramp, classes loaded, caches filled) is thus left out;
 * the naive average over all sessions is reported beside it.
 */
public final class IdleCommand implements Command {

    /** One per connection in the server: none may be left once every device has gone. */
    private static final String SESSION_CLASS = "io.devicehub.session.DeviceConnection";

    private static final Duration PROGRESS = Duration.ofSeconds(5);

    @Override
    public String summary() {
        return "idle --url http://127.0.0.1:18080 --account NAME --devices N [--first 0] [--in-flight 200]\n"
                + "      [--per-address 20000] [--hold 15s] [--max-ramp 10m] [--server-pid PID] [--out FILE]\n"
                + "      holds N idle device sessions; with --server-pid also the server's heap per session and "
                + "threads (env BENCH_DEVICE_CREDENTIAL)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        URI url = arguments.uri("url", "http://127.0.0.1:18080");
        String account = arguments.required("account");
        int devices = arguments.integer("devices", 500);
        int first = arguments.integer("first", 0);
        int inFlight = arguments.integer("in-flight", 200);
        int perAddress = arguments.integer("per-address", 20_000);
        Duration hold = arguments.duration("hold", Duration.ofSeconds(15));
        Duration maxRamp = arguments.duration("max-ramp", Duration.ofMinutes(10));
        long pid = arguments.integer("server-pid", 0);
        Path jcmdPath = arguments.path("jcmd", null);
        Path out = arguments.path("out", null);
        arguments.done();

        LinuxProcess server = pid > 0 ? new LinuxProcess(pid) : null;
        Jcmd jcmd = server != null ? new Jcmd(jcmdPath, pid) : null;
        Path raw = out != null ? out.toAbsolutePath().getParent() : null;
        int firstStage = server == null ? devices : Math.min(devices, Math.max(100, devices / 5));

        DeviceFleet fleet = new DeviceFleet(account, Secrets.required(Secrets.DEVICE_CREDENTIAL), first, devices,
                perAddress);
        IdleSessions sessions = new IdleSessions(fleet.connections(), inFlight);
        LightClient client = new LightClient(DeviceFleet.server(url), DeviceFleet.PATH, fleet.authMessages(), sessions);
        JsonObjectBuilder result = Json.createObjectBuilder()
                .add("devices", devices)
                .add("sourceAddresses", fleet.sources().size())
                .add("inFlight", inFlight);
        boolean allOnline;
        try {
            HeapSnapshot before = server != null ? HeapSnapshot.take("before-idle", server, jcmd, raw) : null;
            System.out.printf("idle: connecting %,d devices from %d source address(es), %d at a time%n", devices,
                    fleet.sources().size(), inFlight);
            CpuWindow rampCpu = server != null ? CpuWindow.open(server) : null;
            long deadline = System.nanoTime() + maxRamp.toNanos();
            rampTo(client, sessions, firstStage, deadline);
            HeapSnapshot plateau = null;
            if (server != null && firstStage < devices) {
                plateau = HeapSnapshot.take("idle-first-stage", server, jcmd, raw);
                rampTo(client, sessions, devices, deadline);
            }
            allOnline = sessions.online() == devices;
            result.add("online", sessions.online())
                    .add("failed", sessions.failed())
                    .add("failures", sessions.failures().toJson())
                    .add("rampMillis", sessions.rampMillis());
            if (rampCpu != null) {
                result.add("serverCpuDuringRamp", rampCpu.close(6));
            }
            System.out.printf("idle: %,d of %,d online in %.1f s of ramp, %,d failed; holding for %d s%n",
                    sessions.online(), devices, sessions.rampMillis() / 1000.0, sessions.failed(), hold.toSeconds());

            CpuWindow holdCpu = server != null ? CpuWindow.open(server) : null;
            Thread.sleep(hold.toMillis());
            if (holdCpu != null) {
                result.add("serverCpuWhileIdle", holdCpu.close(6));
            }
            if (server != null) {
                HeapSnapshot online = HeapSnapshot.take("idle-online", server, jcmd, raw);
                int held = sessions.online();
                JsonObjectBuilder figures = Json.createObjectBuilder()
                        .add("before", before.toJson())
                        .add("online", online.toJson())
                        .add("averagePerSession", before.perSession(online, held, 12));
                if (plateau != null) {
                    figures.add("firstStage", plateau.toJson())
                            .add("perSession", plateau.perSession(online, held - firstStage, 12));
                }
                figures.add("threadsOnline", ThreadCensus.of(jcmd.run("Thread.print"), 8));
                result.add("server", figures);
                HeapSnapshot from = plateau != null ? plateau : before;
                System.out.printf("idle: server live heap %,d MB with %,d sessions, %,d bytes per added session; "
                                + "threads %d -> %d%n", online.liveBytes() >> 20, held,
                        (online.liveBytes() - from.liveBytes()) / Math.max(1, held - (plateau != null ? firstStage : 0)),
                        before.threads(), online.threads());
            }
            result.add("droppedWhileHeld", sessions.dropped()).add("drops", sessions.drops().toJson());
        } finally {
            client.shutdown(Duration.ofSeconds(30));
        }
        if (server != null) {
            // The server finishes each close (history, events) after the socket goes away: wait, up to a minute,
            // until it holds no device session, so that what remains is what it keeps for good.
            HeapSnapshot after;
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            do {
                Thread.sleep(5_000);
                after = HeapSnapshot.take("after-idle", server, jcmd, raw);
            } while (after.histogram().instances(SESSION_CLASS) > 0 && System.nanoTime() < deadline);
            result.add("serverAfterClose", after.toJson())
                    .add("sessionsStillHeldAfterClose", after.histogram().instances(SESSION_CLASS));
        }
        if (out != null) {
            ResultFile.write(out, result.build());
        }
        return allOnline ? 0 : 1;
    }

    private static void rampTo(LightClient client, IdleSessions sessions, int upTo, long deadline)
            throws InterruptedException {
        client.execute(() -> sessions.rampTo(client, upTo));
        long nextReport = System.nanoTime() + PROGRESS.toNanos();
        while (!sessions.settled(upTo) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (System.nanoTime() - nextReport > 0) {
                nextReport += PROGRESS.toNanos();
                System.out.printf("idle: %,d online, %,d failed%n", sessions.online(), sessions.failed());
            }
        }
        sessions.stageSettled();
    }
}
