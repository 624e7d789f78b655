package io.devicehub.api.devices;

import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import io.devicehub.device.DeviceQuery;
import io.devicehub.device.DeviceSort;
import io.devicehub.session.DeviceOverview.Presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query parameters of {@code GET /api/v1/devices}, read as text so that a bad value is a 400 naming the
 * parameter (JAX-RS itself would answer 404 for a query parameter it cannot convert).
 *
 * <ul>
 *     <li>{@code offset}: 0 or more (default 0); {@code limit}: 1 to 500 (default {@value #DEFAULT_LIMIT})</li>
 *     <li>{@code sort}: {@code identifier}, {@code description} or {@code created}, {@code -} first for descending
 *     (default {@code -created}, newest first)</li>
 *     <li>{@code q}: text the identifier or description contains, ignoring case (at most 100 characters)</li>
 *     <li>{@code status}: {@code online}, {@code offline} or {@code any} (default)</li>
 * </ul>
 */
record DeviceListQuery(DeviceQuery query, Presence presence) {

    static final int DEFAULT_LIMIT = 20;

    static DeviceListQuery parse(String offset, String limit, String sort, String q, String status) {
        List<FieldError> errors = new ArrayList<>();
        int first = number(offset, 0, 0, Integer.MAX_VALUE, "offset", errors);
        int size = number(limit, DEFAULT_LIMIT, 1, DeviceQuery.MAX_LIMIT, "limit", errors);
        String order = sort == null || sort.isBlank() ? "-created" : sort.strip();
        boolean ascending = !order.startsWith("-");
        DeviceSort by = switch (ascending ? order : order.substring(1)) {
            case "identifier" -> DeviceSort.IDENTIFIER;
            case "description" -> DeviceSort.DESCRIPTION;
            case "created" -> DeviceSort.CREATED;
            default -> {
                errors.add(new FieldError("sort", "must be identifier, description or created, with '-' first "
                        + "for descending"));
                yield DeviceSort.CREATED;
            }
        };
        if (q != null && q.length() > 100) {
            errors.add(new FieldError("q", "must be at most 100 characters"));
        }
        String presenceName = status == null || status.isBlank() ? "any" : status.strip().toLowerCase(Locale.ROOT);
        Presence presence = switch (presenceName) {
            case "any" -> Presence.ANY;
            case "online" -> Presence.ONLINE;
            case "offline" -> Presence.OFFLINE;
            default -> {
                errors.add(new FieldError("status", "must be online, offline or any"));
                yield Presence.ANY;
            }
        };
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DeviceListQuery(new DeviceQuery(q, first, size, by, ascending), presence);
    }

    private static int number(String text, int fallback, int min, int max, String name, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(new FieldError(name, max == Integer.MAX_VALUE ? "must be a whole number of at least " + min
                : "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
