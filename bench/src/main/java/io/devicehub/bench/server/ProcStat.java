package io.devicehub.bench.server;

/**
 * The fields of a {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat} line that matter here. The name
 * field may itself hold spaces and parentheses, so fields are counted from the last {@code ')'}.
 */
public record ProcStat(long userTicks, long systemTicks) {

    /**
     * Clock ticks per second of those fields: Linux's {@code USER_HZ}, which is 100 on every architecture the JDK
     * runs on ({@code getconf CLK_TCK}).
     */
    public static final long TICKS_PER_SECOND = 100;

    public static ProcStat parse(String line) {
        int end = line.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc stat line");
        }
        String[] fields = line.substring(end + 2).trim().split(" +");
        // After the name: state(3) ppid(4) … utime is field 14 and stime field 15 of the whole line.
        return new ProcStat(Long.parseLong(fields[11]), Long.parseLong(fields[12]));
    }

    public long cpuMillis() {
        return (userTicks + systemTicks) * 1000 / TICKS_PER_SECOND;
    }
}
