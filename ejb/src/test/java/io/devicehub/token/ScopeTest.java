package io.devicehub.token;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Scopes on the wire and in the database. */
class ScopeTest {

    @Test
    void everyScopeTheIssueAsksForExists() {
        assertEquals(List.of("devices:read", "devices:write", "resources:call", "buckets:read", "buckets:write"),
                EnumSet.allOf(Scope.class).stream().map(Scope::wireName).toList());
    }

    @Test
    void wireNamesAreExactAndCaseSensitive() {
        assertEquals(Optional.of(Scope.RESOURCES_CALL), Scope.fromWire("resources:call"));
        assertEquals(Optional.empty(), Scope.fromWire("Resources:Call"));
        assertEquals(Optional.empty(), Scope.fromWire("devices:*"));
        assertEquals(Optional.empty(), Scope.fromWire(null));
    }

    @Test
    void theStoredFormIsSpaceSeparatedInAFixedOrder() {
        assertEquals("devices:read resources:call", Scope.join(Set.of(Scope.RESOURCES_CALL, Scope.DEVICES_READ)));
        assertEquals(EnumSet.of(Scope.DEVICES_READ, Scope.RESOURCES_CALL), Scope.split("devices:read resources:call"));
    }

    @Test
    void storedNamesThisVersionDoesNotKnowGrantNothing() {
        assertEquals(EnumSet.of(Scope.DEVICES_READ), Scope.split("devices:read admin:everything"));
        assertEquals(EnumSet.noneOf(Scope.class), Scope.split(null));
    }

    @Test
    void theChoicesAreListedForMessages() {
        assertEquals("devices:read, devices:write, resources:call, buckets:read, buckets:write", Scope.choices());
    }
}
