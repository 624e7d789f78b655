package io.devicehub.bench.server;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full Java thread names by native thread id, from {@code jcmd <pid> Thread.print} ({@code nid=0x…}):
 * {@code /proc} keeps only 15 characters of a name, too few to tell {@code concurrent/__defaultManagedThreadFactory}
 * threads from the managed executor's.
 */
public final class ThreadNames {

    private static final Pattern THREAD = Pattern.compile("^\"(.*?)\" .*\\bnid=(0x[0-9a-fA-F]+|\\d+)");

    private ThreadNames() {
    }

    public static Map<Long, String> of(String threadDump) {
        Map<Long, String> names = new HashMap<>();
        for (String line : threadDump.split("\n")) {
            Matcher thread = THREAD.matcher(line);
            if (thread.find()) {
                String nid = thread.group(2);
                long id = nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid);
                names.put(id, thread.group(1));
            }
        }
        return names;
    }
}
