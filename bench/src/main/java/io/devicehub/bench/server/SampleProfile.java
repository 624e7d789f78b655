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
        layer(layers, "credential checks (DeviceAuthentication, credential.*)",
                "^io\\.devicehub\\.device\\.DeviceAuthentication", "^io\\.devicehub\\.credential\\.");
        layer(layers, "API token checks (ApiTokens.authenticate)", "^io\\.devicehub\\.token\\.ApiTokens");
        layer(layers, "JPA (EclipseLink)", "^org\\.eclipse\\.persistence\\.");
        layer(layers, "H2", "^org\\.h2\\.");
        layer(layers, "JDBC pool", "^com\\.sun\\.gjc\\.", "^com\\.sun\\.enterprise\\.resource\\.");
        layer(layers, "EJB container", "^com\\.sun\\.ejb\\.");
        layer(layers, "transactions (JTA)", "^com\\.sun\\.enterprise\\.transaction\\.", "^com\\.sun\\.jts\\.");
        layer(layers, "CDI (Weld)", "^org\\.jboss\\.weld\\.");
        layer(layers, "security (Jakarta Security, Soteria, Exousia)", "^jakarta\\.security\\.",
                "^org\\.glassfish\\.soteria\\.", "^org\\.glassfish\\.exousia\\.",
                "^com\\.sun\\.enterprise\\.security\\.");
        layer(layers, "JSON (JSON-P, JSON-B)", "^org\\.eclipse\\.parsson\\.", "^org\\.glassfish\\.json\\.",
                "^org\\.eclipse\\.yasson\\.", "^jakarta\\.json\\.");
        layer(layers, "JAX-RS (Jersey)", "^org\\.glassfish\\.jersey\\.");
        // Tyrus's servlet filter wraps every HTTP request: only its WebSocket work counts here.
        layer(layers, "WebSocket (Tyrus, without its servlet filter)", "^org\\.glassfish\\.tyrus\\.(core|server|spi)\\.",
                "^org\\.glassfish\\.tyrus\\.servlet\\.Tyrus(HttpUpgradeHandler|ServletWriter)");
        layer(layers, "HTTP (Grizzly; nearly every sample)", "^org\\.glassfish\\.grizzly\\.");
        layer(layers, "Faces (Mojarra, PrimeFaces)", "^com\\.sun\\.faces\\.", "^org\\.primefaces\\.",
                "^jakarta\\.faces\\.");
        layer(layers, "logging", "^java\\.util\\.logging\\.", "^com\\.sun\\.enterprise\\.server\\.logging\\.");
        // Hot spots found while profiling, tracked in every run (see docs/benchmarks.md).
        layer(layers, "Tyrus idle-timeout rescheduling (TyrusSession.restartIdleTimeoutExecutor)",
                "^org\\.glassfish\\.tyrus\\.core\\.TyrusSession\\.restartIdleTimeoutExecutor$");
        layer(layers, "managed-executor context capture (Payara ContextSetupProviderImpl.saveContext)",
                "^org\\.glassfish\\.concurrent\\.runtime\\.ContextSetupProviderImpl\\.saveContext$");
        layer(layers, "JSON-P provider look-up (Json.create* -> JsonProvider.provider)",
                "^jakarta\\.json\\.spi\\.JsonProvider\\.provider$");
        layer(layers, "class-loader resource scans (getResources, ZipFile.getEntry)", "\\.getResources$",
                "^java\\.util\\.zip\\.ZipFile\\.getEntry$");
        layer(layers, "monitoring / request tracing (Payara)",
                "^fish\\.payara\\.(nucleus\\.requesttracing|monitoring|notification)");
        return layers;
    }

    private static void layer(Map<String, Pattern> layers, String name, String... frames) {
        layers.put(name, Pattern.compile(String.join("|", frames)));
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
