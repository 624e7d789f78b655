package io.devicehub.api.devices;

import io.devicehub.api.json.JsonInput;
import io.devicehub.common.InvalidInputException;
import io.devicehub.device.DeviceIdentifier;
import io.devicehub.session.CallTimeout;
import io.devicehub.session.DeviceOverview.Presence;
import io.devicehub.session.FleetCalls;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/calls}, checked whole before any device is called: one {@code resource}, its
 * {@code input} if the member is there (even {@code null}), the devices as a list of identifiers ({@code devices},
 * each once, at most {@value FleetCalls#MAX_DEVICES}) or as the device list's filters ({@code filter}:
 * {@code q}, {@code status}) but not both, and one {@code timeout} for all (milliseconds or an ISO-8601 duration,
 * as for a single call).
 *
 * @param devices the named devices, or {@code null} when a filter selects them
 * @param input   the input, or {@code null} for none
 * @param timeout {@code null} for the server's default
 */
record FleetCallRequest(String resource, JsonValue input, List<String> devices, String q, Presence status,
                        Duration timeout) {

    /** At most this many errors about single identifiers are reported; the count of the rest follows. */
    private static final int IDENTIFIER_ERRORS = 10;

    static FleetCallRequest parse(JsonObject body) {
        JsonInput json = JsonInput.of(body, "resource", "input", "devices", "filter", "timeout");
        String resource = json.string("resource");
        if (resource == null || resource.isBlank()) {
            json.error("resource", "is required: the name of the resource to call on every device");
        }
        JsonValue input = json.has("input") ? json.value("input") : null;
        List<String> devices = json.strings("devices");
        JsonInput filter = json.object("filter", "q", "status");
        if (devices == null && filter == null) {
            json.error("devices", "or filter is required: the identifiers of the devices to call, or the device "
                    + "list's filters (q, status) that select them");
        } else if (devices != null && filter != null) {
            json.error("filter", "cannot be given with devices: name the devices or filter them, not both");
        }
        if (devices != null) {
            checkIdentifiers(devices, json);
        }
        String q = null;
        Presence status = Presence.ANY;
        if (filter != null) {
            q = filter.string("q");
            if (q != null && q.length() > 100) {
                filter.error("q", "must be at most 100 characters");
            }
            status = presence(filter.string("status"), filter);
        }
        Duration timeout = timeout(json.value("timeout"), json);
        json.check();
        return new FleetCallRequest(resource, input, devices, q, status, timeout);
    }

    private static void checkIdentifiers(List<String> devices, JsonInput json) {
        if (devices.isEmpty() || devices.size() > FleetCalls.MAX_DEVICES) {
            json.error("devices", "must name 1 to " + FleetCalls.MAX_DEVICES + " devices");
        }
        Set<String> seen = new HashSet<>();
        int errors = 0;
        for (int i = 0; i < devices.size(); i++) {
            String identifier = devices.get(i);
            String problem = !identifier.matches(DeviceIdentifier.PATTERN)
                    ? "is not a device identifier: 1 to " + DeviceIdentifier.MAX + " letters, digits, '-' or '_'"
                    : seen.add(identifier) ? null : "names '" + identifier + "' a second time";
            if (problem != null && errors++ < IDENTIFIER_ERRORS) {
                json.error("devices[" + i + "]", problem);
            }
        }
        if (errors > IDENTIFIER_ERRORS) {
            json.error("devices", "has " + (errors - IDENTIFIER_ERRORS) + " more wrong identifiers");
        }
    }

    private static Presence presence(String text, JsonInput filter) {
        String name = text == null || text.isBlank() ? "any" : text.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "any" -> Presence.ANY;
            case "online" -> Presence.ONLINE;
            case "offline" -> Presence.OFFLINE;
            default -> {
                filter.error("status", "must be online, offline or any");
                yield Presence.ANY;
            }
        };
    }

    private static Duration timeout(JsonValue value, JsonInput json) {
        try {
            return CallTimeout.of(value);
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(error -> json.error(error.field(), error.message()));
            return null;
        }
    }
}
