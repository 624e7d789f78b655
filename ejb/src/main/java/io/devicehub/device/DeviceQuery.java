package io.devicehub.device;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Which devices to list: those whose identifier or description contains {@code text} (ignoring case; all when
 * blank), sorted, one page at a time.
 */
public record DeviceQuery(
        @Size(max = 100, message = "must be at most 100 characters") String text,
        @Min(value = 0, message = "must not be negative") int offset,
        @Min(value = 1, message = "must be at least 1") @Max(value = DeviceQuery.MAX_LIMIT, message = "must be at most 500") int limit,
        @NotNull(message = "is required") DeviceSort sort,
        boolean ascending) {

    public static final int MAX_LIMIT = 500;

    /** The first page of all devices, newest first. */
    public static DeviceQuery firstPage(int limit) {
        return new DeviceQuery(null, 0, limit, DeviceSort.CREATED, false);
    }
}
