package io.devicehub.device;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Which devices to list: those whose identifier or description contains {@code text} (ignoring case; all when
 * blank) and that pass {@code identifiers} (no restriction when {@code null}), sorted, one page at a time.
 */
public record DeviceQuery(
        @Size(max = 100, message = "must be at most 100 characters") String text,
        @Min(value = 0, message = "must not be negative") int offset,
        @Min(value = 1, message = "must be at least 1") @Max(value = DeviceQuery.MAX_LIMIT, message = "must be at most 500") int limit,
        @NotNull(message = "is required") DeviceSort sort,
        boolean ascending,
        IdentifierFilter identifiers) {

    public static final int MAX_LIMIT = 500;

    public DeviceQuery(String text, int offset, int limit, DeviceSort sort, boolean ascending) {
        this(text, offset, limit, sort, ascending, null);
    }

    /** The same query restricted by {@code filter}. */
    public DeviceQuery restrictedTo(IdentifierFilter filter) {
        return new DeviceQuery(text, offset, limit, sort, ascending, filter);
    }

    /** The first page of all devices, newest first. */
    public static DeviceQuery firstPage(int limit) {
        return new DeviceQuery(null, 0, limit, DeviceSort.CREATED, false);
    }
}
