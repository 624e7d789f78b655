package io.devicehub.bench.server;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a server spends its CPU, from stack samples: the methods on top of the stack (self time), the first
 * DeviceHub method on the stack (which of our code paths the time is spent under), the layers that appear anywhere
 * on the stack (JPA, H2, JSON, security, EJB, Tyrus …, inclusive, so they overlap), and the thread pools. Shares are
 * of all samples; with the process's CPU in cores they become cores.
 */
public final class SampleProfile {

    /** The layers counted inclusively, in the order they are reported. */
    static final Map<String, Pattern> LAYERS = layers();

    private final Map<String, Long> topFrames = new HashMap<>();
    private final Map<String, Long> firstOwnFrames = new HashMap<>();
    private final Map<String, Long> layers = new HashMap<>();
    private final Map<String, Long> threads = new HashMap<>();
    private long samples;

    private static Map<String, Pattern> layers() {
        Map<String, Pattern> layers = new LinkedHashMap<>();
        layers.put("credential checks (DeviceAuthentication, credential.*)",
                Pattern.compile("^io\\.devicehub\\.(device\\.DeviceAuthentication|credential\\.)"));
        layers.put("API token checks (ApiTokens.authenticate)", Pattern.compile("^io\\.devicehub\\.token\\.ApiTokens"));
        layers.put("JPA (EclipseLink)", Pattern.compile("^org\\.eclipse\\.persistence\\."));
        layers.put("H2", Pattern.compile("^org\\.h2\\."));
        layers.put("JDBC pool", Pattern.compile("^com\\.sun\\.gjc\\.|^com\\.sun\\.enterprise\\.resource\\."));
        layers.put("EJB container", Pattern.compile("^com\\.sun\\.ejb\\."));
        layers.put("transactions (JTA)", Pattern.compile("^com\\.sun\\.enterprise\\.transaction\\.|^com\\.sun\\.jts\\."));
        layers.put("CDI (Weld)", Pattern.compile("^org\\.jboss\\.weld\\."));
        layers.put("security (Jakarta Security, Soteria, Exousia)", Pattern.compile(
                "^jakarta\\.security\\.|^org\\.glassfish\\.soteria\\.|^org\\.glassfish\\.exousia\\.|^com\\.sun\\.enterprise\\.security\\."));
        layers.put("JSON (JSON-P, JSON-B)", Pattern.compile("^org\\.eclipse\\.parsson\\.|^org\\.glassfish\\.json\\.|^org\\.eclipse\\.yasson\\.|^jakarta\\.json\\."));
        layers.put("JAX-RS (Jersey)", Pattern.compile("^org\\.glassfish\\.jersey\\."));
        layers.put("WebSocket (Tyrus)", Pattern.compile("^org\\.glassfish\\.tyrus\\."));
        layers.put("HTTP (Grizzly)", Pattern.compile("^org\\.glassfish\\.grizzly\\."));
        layers.put("Faces (Mojarra, PrimeFaces)", Pattern.compile("^com\\.sun\\.faces\\.|^org\\.primefaces\\.|^jakarta\\.faces\\."));
        layers.put("logging", Pattern.compile("^java\\.util\\.logging\\.|^com\\.sun\\.enterprise\\.server\\.logging\\."));
        layers.put("monitoring / request tracing (Payara)", Pattern.compile("^fish\\.payara\\.(nucleus\\.requesttracing|monitoring|notification)"));
        return layers;
    }

    /**
     * Counts one sample.
     *
     * @param frames "class.method" from the top of the stack down
     */
    public void add(String thread, List<String> frames) {
        samples++;
        threads.merge(thread.replaceAll("\\d+", "#"), 1L, Long::sum);
        if (!frames.isEmpty()) {
            topFrames.merge(frames.get(0), 1L, Long::sum);
        }
        frames.stream().filter(frame -> frame.startsWith("io.devicehub.")).findFirst()
                .ifPresentOrElse(own -> firstOwnFrames.merge(own, 1L, Long::sum),
                        () -> firstOwnFrames.merge("(no DeviceHub frame)", 1L, Long::sum));
        for (Map.Entry<String, Pattern> layer : LAYERS.entrySet()) {
            if (frames.stream().anyMatch(frame -> layer.getValue().matcher(frame).find())) {
                layers.merge(layer.getKey(), 1L, Long::sum);
            }
        }
    }

    public long samples() {
        return samples;
    }

    public JsonObject toJson(int top) {
        JsonObjectBuilder inclusive = Json.createObjectBuilder();
        for (String layer : LAYERS.keySet()) {
            inclusive.add(layer, share(layers.getOrDefault(layer, 0L)));
        }
        return Json.createObjectBuilder()
                .add("samples", samples)
                .add("layersInclusive", inclusive)
                .add("topFramesSelf", ranked(topFrames, top))
                .add("underDeviceHubMethod", ranked(firstOwnFrames, top))
                .add("threadPools", ranked(threads, top))
                .build();
    }

    private JsonArrayBuilder ranked(Map<String, Long> counts, int top) {
        JsonArrayBuilder ranked = Json.createArrayBuilder();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .forEach(e -> ranked.add(Json.createObjectBuilder().add("name", e.getKey())
                        .add("share", share(e.getValue()))));
        return ranked;
    }

    private double share(long count) {
        return samples == 0 ? 0 : Math.round(count * 1000.0 / samples) / 1000.0;
    }
}
