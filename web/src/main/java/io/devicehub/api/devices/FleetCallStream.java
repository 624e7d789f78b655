package io.devicehub.api.devices;

import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemMapper;
import io.devicehub.api.security.TokenRestrictedException;
import io.devicehub.session.FleetCalls;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import org.glassfish.jersey.server.ChunkedOutput;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a fleet call on its own thread and writes its outcomes as NDJSON while they arrive, one line per device in
 * the order the devices answered: the {@link CallResultJson} of a single call, or {@code {"device": …, "problem":
 * {…}}} with the problem a single call of that device would have answered. A last line sums up:
 * {@code {"summary": {"devices", "answered", "failed", "problems": {type slug: count}, "durationMs"}}}.
 * <p>
 * Lines go out as a chunk whenever no further answer is ready (or 64 KiB have gathered), so the first answers leave
 * while later devices are still being called. A JAX-RS {@code StreamingOutput} would not do: Jersey holds its
 * first 8 KiB to compute a Content-Length and ignores flushes until then. Writing blocks this thread when the
 * caller reads slowly, and then no further calls start ({@link FleetCalls}): the caller's pace bounds the memory.
 *
 * @param reachable whether the caller's token may reach a device; the others are not called and get
 *                  {@code token-restricted}
 */
record FleetCallStream(FleetCalls fleet, long accountId, FleetCallRequest request, List<String> devices,
                       Predicate<String> reachable, FleetCalls.Permit permit, ChunkedOutput<String> output)
        implements Runnable {

    private static final Logger LOG = Logger.getLogger(FleetCallStream.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int CHUNK_CHARS = 65_536;

    @Override
    public void run() {
        try (permit; output) {
            long start = System.nanoTime();
            Lines lines = new Lines();
            List<String> called = new ArrayList<>(devices.size());
            for (String device : devices) {
                if (reachable.test(device)) {
                    called.add(device);
                } else {
                    lines.accept(new FleetCalls.Outcome(device, null, new TokenRestrictedException("This token "
                            + "cannot reach the device '" + device + "'.")));
                }
            }
            fleet.call(accountId, called, request.resource(), request.input(), request.timeout(), lines);
            lines.summary(devices.size(), (System.nanoTime() - start) / 1_000_000);
            lines.flush();
        } catch (IOException gone) {
            // The caller went away: the calls already started end on their own, their answers unheard.
            LOG.log(Level.FINE, "A fleet call's caller left before its end", gone);
        } catch (RuntimeException unexpected) {
            // The status line has gone already; the caller sees the stream end without its summary.
            LOG.log(Level.SEVERE, "A fleet call failed while streaming", unexpected);
        }
    }

    /** The lines not sent yet, and what all lines add up to. */
    private final class Lines implements FleetCalls.Sink {

        private final StringWriter pending = new StringWriter(1024);
        private final Map<String, Integer> problems = new TreeMap<>();
        private int answered;
        private int failed;

        @Override
        public void accept(FleetCalls.Outcome outcome) throws IOException {
            try (JsonGenerator json = JSON.createGenerator(pending)) {
                json.writeStartObject().write("device", outcome.device());
                if (outcome.failure() == null) {
                    answered++;
                    json.write("resource", request.resource());
                    if (outcome.result().output() != null) {
                        json.write("output", outcome.result().output());
                    }
                    json.write("durationMs", outcome.result().duration().toMillis());
                } else {
                    failed++;
                    Problem problem = ProblemMapper.problemOf(outcome.failure());
                    problems.merge(problem.type().substring(problem.type().lastIndexOf(':') + 1), 1, Integer::sum);
                    json.write("problem", problem.toJson());
                }
                json.writeEnd();
            }
            pending.write('\n');
            if (pending.getBuffer().length() >= CHUNK_CHARS) {
                flush();
            }
        }

        @Override
        public void flush() throws IOException {
            if (!pending.getBuffer().isEmpty()) {
                output.write(pending.toString());
                pending.getBuffer().setLength(0);
            }
        }

        void summary(int devices, long durationMs) {
            try (JsonGenerator json = JSON.createGenerator(pending)) {
                json.writeStartObject().writeKey("summary").writeStartObject()
                        .write("devices", devices).write("answered", answered).write("failed", failed)
                        .writeKey("problems").writeStartObject();
                problems.forEach(json::write);
                json.writeEnd().write("durationMs", durationMs).writeEnd().writeEnd();
            }
            pending.write('\n');
        }
    }
}
