package io.devicehub.bench.server;

import io.devicehub.bench.Arguments;
import io.devicehub.bench.Command;
import io.devicehub.bench.ResultFile;
import io.devicehub.bench.UsageException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hot-methods --jfr FILE}: a {@link SampleProfile} of a Flight Recording's execution samples, and the garbage
 * collection pauses in it. {@code bench/run --profile} records one per benchmark with {@code jcmd JFR.start
 * settings=profile}.
 */
public final class HotMethodsCommand implements Command {

    @Override
    public String summary() {
        return "hot-methods --jfr FILE [--top 15] [--out FILE]\n"
                + "      where the server spent its CPU in a flight recording (layers, methods, thread pools, GC)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        Path jfr = arguments.path("jfr", null);
        int top = arguments.integer("top", 15);
        Path out = arguments.path("out", null);
        arguments.done();
        if (jfr == null) {
            throw new UsageException("--jfr is required");
        }
        SampleProfile profile = new SampleProfile();
        long gcPauses = 0;
        Duration gcPaused = Duration.ZERO;
        try (RecordingFile recording = new RecordingFile(jfr)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    profile.add(threadName(event), frames(event.getStackTrace()));
                } else if (type.equals("jdk.GCPhasePause")) {
                    gcPauses++;
                    gcPaused = gcPaused.plus(event.getDuration());
                }
            }
        }
        JsonObject json = Json.createObjectBuilder(profile.toJson(top))
                .add("gcPauses", gcPauses)
                .add("gcPausedMillis", gcPaused.toMillis())
                .build();
        if (out != null) {
            ResultFile.write(out, json);
        }
        System.out.printf("hot-methods: %,d samples; layers (inclusive): %s%n", profile.samples(),
                json.getJsonObject("layersInclusive"));
        return 0;
    }

    private static String threadName(RecordedEvent event) {
        RecordedThread thread = event.getThread("sampledThread");
        return thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
    }

    private static List<String> frames(RecordedStackTrace stack) {
        List<String> frames = new ArrayList<>();
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.isJavaFrame()) {
                    frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
                }
            }
        }
        return frames;
    }
}
