package io.devicehub.console.devices;

import io.devicehub.session.ActivitySample;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The dashboard's real-time activity chart as a Chart.js configuration for PrimeFaces' {@code p:chart}: bytes up and
 * down per second on the left axis, messages per second on the right, over the last minutes.
 */
final class ActivityChart {

    /** Looked up once: {@code Json.create…} would search the class path for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private ActivityChart() {
    }

    static String of(List<ActivitySample> samples) {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        samples.forEach(sample -> labels.add(TIME.format(sample.second())));
        JsonArrayBuilder datasets = JSON.createArrayBuilder()
                .add(dataset("Up (bytes/s)", "#2563eb", "bytes", samples, ActivitySample::bytesReceived))
                .add(dataset("Down (bytes/s)", "#16a34a", "bytes", samples, ActivitySample::bytesSent))
                .add(dataset("Messages/s", "#f59e0b", "messages", samples,
                        sample -> sample.messagesReceived() + sample.messagesSent()));
        JsonObjectBuilder options = JSON.createObjectBuilder()
                .add("animation", false)
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("interaction", JSON.createObjectBuilder().add("mode", "index").add("intersect", false))
                .add("scales", JSON.createObjectBuilder()
                        .add("bytes", axis("left", "bytes/s"))
                        .add("messages", axis("right", "messages/s")
                                .add("grid", JSON.createObjectBuilder().add("drawOnChartArea", false))));
        return JSON.createObjectBuilder()
                .add("type", "line")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options)
                .build().toString();
    }

    private static JsonObjectBuilder dataset(String label, String color, String axis, List<ActivitySample> samples,
                                             ToLongFunction<ActivitySample> value) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        samples.forEach(sample -> data.add(value.applyAsLong(sample)));
        return JSON.createObjectBuilder().add("label", label).add("data", data).add("borderColor", color)
                .add("backgroundColor", color).add("pointRadius", 0).add("borderWidth", 2).add("tension", 0.2)
                .add("yAxisID", axis);
    }

    private static JsonObjectBuilder axis(String position, String title) {
        return JSON.createObjectBuilder().add("position", position).add("beginAtZero", true)
                .add("title", JSON.createObjectBuilder().add("display", true).add("text", title));
    }
}
