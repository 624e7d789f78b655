package io.devicehub.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's options, {@code --name value} or a bare {@code --flag}. Commands read what they know and then call
 * {@link #done()}, so that a mistyped option fails loudly instead of silently measuring something else.
 */
public final class Arguments {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    public Arguments(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() < 3) {
                throw new UsageException("expected an option like --devices, not '" + arg + "'");
            }
            String name = arg.substring(2);
            boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            values.put(name, hasValue ? args.get(++i) : "");
        }
    }

    public String string(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    public String required(String name) {
        String value = string(name, null);
        if (value == null || value.isEmpty()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    public int integer(String name, int fallback) {
        String value = string(name, null);
        try {
            return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not '" + value + "'");
        }
    }

    /** A duration such as {@code 500ms}, {@code 10s} or {@code 2m}; plain numbers are seconds. */
    public Duration duration(String name, Duration fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new UsageException("--" + name + " takes a duration like 500ms, 10s or 2m, not '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    public boolean flag(String name) {
        read.add(name);
        return values.containsKey(name);
    }

    public URI uri(String name, String fallback) {
        return URI.create(string(name, fallback));
    }

    public Path path(String name, String fallback) {
        String value = string(name, fallback);
        return value == null ? null : Path.of(value);
    }

    /** @throws UsageException for any option the command did not read */
    public void done() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new UsageException("unknown option(s) " + unknown.stream().sorted().map(n -> "--" + n).toList());
        }
    }
}
