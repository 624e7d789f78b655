package io.devicehub.bench.calls;

import io.devicehub.bench.server.CpuWindow;
import io.devicehub.bench.server.LinuxProcess;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Warms a server up until it is warm rather than for a fixed time: rounds of closed-loop load, at least the minimum
 * given, then until the server's JIT compiler threads use less than {@value #QUIET_COMPILER_CORES} cores in a round
 * and the round's throughput is within {@value #STABLE_CHANGE} of the previous one — at most the longest given. A
 * fixed 15 s was not enough: the C2 compiler still took half a core during the measured phase after it.
 */
final class WarmUp {

    static final double QUIET_COMPILER_CORES = 0.1;
    static final double STABLE_CHANGE = 0.05;
    static final Duration ROUND = Duration.ofSeconds(5);

    private WarmUp() {
    }

    /** @return the rounds, each with its throughput and compiler cores, and whether the server became warm */
    static JsonObject until(Supplier<LoadDriver> driver, Duration minimum, Duration longest, LinuxProcess server)
            throws IOException, InterruptedException {
        JsonArrayBuilder rounds = Json.createArrayBuilder();
        long started = System.nanoTime();
        double previous = -1;
        boolean warm = false;
        Duration elapsed = Duration.ZERO;
        while (elapsed.compareTo(longest) < 0) {
            CpuWindow cpu = server != null ? CpuWindow.open(server) : null;
            LoadResult round = driver.get().run(ROUND);
            double compiler = cpu != null ? compilerCores(cpu.close(50)) : 0;
            double throughput = round.toJson().getJsonNumber("callsPerSecond").doubleValue();
            rounds.add(Json.createObjectBuilder().add("callsPerSecond", throughput)
                    .add("errors", round.toJson().getInt("errors"))
                    .add("compilerCores", compiler));
            elapsed = Duration.ofNanos(System.nanoTime() - started);
            boolean stable = previous > 0 && Math.abs(throughput - previous) <= STABLE_CHANGE * previous;
            previous = throughput;
            if (elapsed.compareTo(minimum) >= 0 && stable && compiler < QUIET_COMPILER_CORES) {
                warm = true;
                break;
            }
        }
        System.out.printf(Locale.ROOT, "calls: warm-up %s after %d s%n", warm ? "done" : "not quiet",
                elapsed.toSeconds());
        return Json.createObjectBuilder().add("seconds", elapsed.toSeconds()).add("warm", warm)
                .add("rounds", rounds).build();
    }

    private static double compilerCores(JsonObject window) {
        return window.getJsonArray("busiestThreads").getValuesAs(JsonObject.class).stream()
                .filter(thread -> thread.getString("thread").contains("Compiler"))
                .mapToDouble(thread -> thread.getJsonNumber("cores").doubleValue())
                .sum();
    }
}
