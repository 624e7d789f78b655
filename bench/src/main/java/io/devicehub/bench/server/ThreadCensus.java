package io.devicehub.bench.server;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's threads by pool, from {@code jcmd <pid> Thread.print}: names with their numbers folded
 * ({@code http-thread-pool::http-listener(#)}), so that "no thread per session" is visible at a glance.
 */
public final class ThreadCensus {

    private static final Pattern THREAD = Pattern.compile("^\"(.*?)\" ");

    private ThreadCensus() {
    }

    public static JsonObject of(String threadDump, int topPools) {
        Map<String, Integer> pools = new TreeMap<>();
        int total = 0;
        for (String line : threadDump.split("\n")) {
            Matcher thread = THREAD.matcher(line);
            if (thread.find()) {
                pools.merge(thread.group(1).replaceAll("\\d+", "#"), 1, Integer::sum);
                total++;
            }
        }
        JsonArrayBuilder largest = Json.createArrayBuilder();
        pools.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(topPools)
                .forEach(pool -> largest.add(Json.createObjectBuilder().add("pool", pool.getKey())
                        .add("threads", pool.getValue())));
        return Json.createObjectBuilder().add("javaThreads", total).add("largestPools", largest).build();
    }
}
