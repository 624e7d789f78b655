package io.devicehub.bench.report;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts by kind, e.g. how connection attempts ended ({@code 1013 server busy (AUTHENTICATING)}) or why calls
 * failed ({@code HTTP 503 device-offline}): the first thing to read when a figure looks wrong. Thread-safe.
 */
public final class Tally {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(String kind) {
        String key = kind == null ? "" : kind.length() > 80 ? kind.substring(0, 80) + "…" : kind;
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        new TreeMap<>(counts).forEach((kind, count) -> json.add(kind, count.sum()));
        return json.build();
    }
}
