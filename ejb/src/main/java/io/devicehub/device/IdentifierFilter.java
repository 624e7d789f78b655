package io.devicehub.device;

import java.util.Set;

/**
 * Restricts a device list to a set of identifiers, or away from it; used to list the devices that are online now
 * (a set only the live sessions know) with the database's paging and sorting.
 *
 * @param identifiers the identifiers
 * @param include     {@code true}: only these; {@code false}: all but these
 */
public record IdentifierFilter(Set<String> identifiers, boolean include) {

    public IdentifierFilter {
        identifiers = Set.copyOf(identifiers);
    }

    public static IdentifierFilter among(Set<String> identifiers) {
        return new IdentifierFilter(identifiers, true);
    }

    public static IdentifierFilter except(Set<String> identifiers) {
        return new IdentifierFilter(identifiers, false);
    }

    /** Whether no device can pass: "only these" of none. */
    boolean excludesAll() {
        return include && identifiers.isEmpty();
    }

    /** Whether every device passes: "all but these" of none. */
    boolean excludesNone() {
        return !include && identifiers.isEmpty();
    }
}
