package io.devicehub.bucket;

/**
 * Which records to read: those with {@code from <= ts < to} (milliseconds), newest or oldest first, at most
 * {@code limit} of them.
 */
public record RecordRange(long from, long to, boolean newestFirst, int limit) {

    public static final int MAX_LIMIT = 1000;

    public RecordRange {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " records");
        }
    }
}
