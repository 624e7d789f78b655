package io.devicehub.api.buckets;

import io.devicehub.bucket.BucketRecords;
import io.devicehub.bucket.RecordRange;
import io.devicehub.common.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The query of {@code GET /api/v1/buckets/{id}/records}: a time range ({@code from} inclusive, {@code to}
 * exclusive; all time by default), the order ({@code newest}, the default, or {@code oldest}), a page size, or the
 * cursor of an earlier page. The cursor carries the range and the order, narrowed past the page it came from: as
 * records are keyed by their time, it stays right whatever arrives meanwhile.
 */
record RecordQuery(long from, long to, boolean newestFirst, int limit) {

    static final int DEFAULT_LIMIT = 100;

    static RecordQuery parse(String fromText, String toText, String order, String limitText, String cursor) {
        int limit = limit(limitText);
        if (cursor != null && !cursor.isBlank()) {
            return decode(cursor.strip(), limit);
        }
        Long from = Timestamps.parse("from", fromText);
        Long to = Timestamps.parse("to", toText);
        boolean newestFirst = order == null || order.isBlank() || order.strip().equals("newest");
        if (!newestFirst && !order.strip().equals("oldest")) {
            throw new InvalidInputException("order", "must be newest or oldest");
        }
        return new RecordQuery(from == null ? 0 : from, to == null ? Long.MAX_VALUE : to, newestFirst, limit);
    }

    RecordRange range() {
        return new RecordRange(from, to, newestFirst, limit);
    }

    /** The cursor of the page after {@code page}, or {@code null} when it was the last. */
    String next(List<BucketRecords.StoredRecord> page) {
        if (page.size() < limit) {
            return null;
        }
        long last = page.get(page.size() - 1).ts();
        String state = newestFirst ? "n:" + from + ":" + last : "o:" + (last + 1) + ":" + to;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(state.getBytes(StandardCharsets.US_ASCII));
    }

    private static RecordQuery decode(String cursor, int limit) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
            if (parts.length == 3 && (parts[0].equals("n") || parts[0].equals("o"))) {
                return new RecordQuery(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[0].equals("n"),
                        limit);
            }
        } catch (IllegalArgumentException unreadable) {
            // reported below (NumberFormatException is one)
        }
        throw new InvalidInputException("cursor", "is not a cursor of this API; pass the 'next' of a page as it was");
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= RecordRange.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidInputException("limit", "must be a whole number from 1 to " + RecordRange.MAX_LIMIT);
    }
}
