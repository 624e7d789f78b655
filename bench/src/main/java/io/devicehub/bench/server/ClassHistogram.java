package io.devicehub.bench.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of the heap by class, as {@code jcmd <pid> GC.class_histogram} prints them after the full
 * collection it forces. The difference of two histograms, divided by the number of sessions added between them,
 * says what one session costs and in which classes.
 */
public final class ClassHistogram {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    /** Instances and bytes of one class. */
    public record Entry(String className, long instances, long bytes) {
    }

    private final Map<String, Entry> byClass;
    private final long totalBytes;

    private ClassHistogram(Map<String, Entry> byClass, long totalBytes) {
        this.byClass = byClass;
        this.totalBytes = totalBytes;
    }

    public static ClassHistogram parse(String jcmdOutput) {
        Map<String, Entry> byClass = new HashMap<>();
        long total = 0;
        for (String line : jcmdOutput.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                // One class may appear once per class loader; those rows add up.
                Entry entry = new Entry(row.group(3), Long.parseLong(row.group(1)), Long.parseLong(row.group(2)));
                byClass.merge(entry.className(), entry, (a, b) ->
                        new Entry(a.className(), a.instances() + b.instances(), a.bytes() + b.bytes()));
            }
            Matcher sum = TOTAL.matcher(line.strip());
            if (sum.matches()) {
                total = Long.parseLong(sum.group(2));
            }
        }
        return new ClassHistogram(byClass, total);
    }

    /** All live objects, in bytes. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Live instances of one class (0 when there are none). */
    public long instances(String className) {
        Entry entry = byClass.get(className);
        return entry == null ? 0 : entry.instances();
    }

    /** What {@code later} holds beyond this histogram, the classes that grew most first. */
    public List<Entry> growthTo(ClassHistogram later, int limit) {
        List<Entry> growth = new ArrayList<>();
        for (Entry after : later.byClass.values()) {
            Entry before = byClass.getOrDefault(after.className(), new Entry(after.className(), 0, 0));
            long bytes = after.bytes() - before.bytes();
            if (bytes > 0) {
                growth.add(new Entry(after.className(), after.instances() - before.instances(), bytes));
            }
        }
        growth.sort(Comparator.comparingLong(Entry::bytes).reversed());
        return growth.subList(0, Math.min(limit, growth.size()));
    }
}
