package io.devicehub.api.tokens;

import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import io.devicehub.token.NewApiToken;
import io.devicehub.token.Scope;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bodies of the token requests, scopes by name. */
class TokenRequestsTest {

    @Test
    void aNewTokenIsReadWithItsScopesLimitsAndExpiry() {
        NewApiToken token = NewTokenRequest.from(json("{\"name\":\"ci\",\"scopes\":[\"resources:call\","
                + "\"devices:read\"],\"expiresAt\":\"2027-01-31T00:00:00Z\",\"device\":\"led\","
                + "\"resources\":[\"on\",\"off\"]}"));
        assertEquals("ci", token.name());
        assertEquals(EnumSet.of(Scope.DEVICES_READ, Scope.RESOURCES_CALL), token.scopes());
        assertEquals(Instant.parse("2027-01-31T00:00:00Z"), token.expiresAt());
        assertEquals("led", token.device());
        assertEquals(Set.of("on", "off"), token.resources());
    }

    @Test
    void unknownScopesAreNamedByPosition() {
        InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> NewTokenRequest.from(
                json("{\"name\":\"ci\",\"scopes\":[\"devices:read\",\"devices:admin\",3]}")));
        assertEquals(List.of("scopes[1]", "scopes[2]"), invalid.errors().stream().map(FieldError::field).toList());
        assertEquals("is not a scope; use devices:read, devices:write, resources:call, buckets:read, buckets:write",
                invalid.errors().get(0).message());
    }

    @Test
    void anEmptyScopeListIsRefused() {
        InvalidInputException invalid = assertThrows(InvalidInputException.class,
                () -> NewTokenRequest.from(json("{\"name\":\"ci\",\"scopes\":[]}")));
        assertEquals("scopes", invalid.errors().get(0).field());
    }

    @Test
    void signingInNeedsAUsernameAndPasswordAndMayNarrowTheScopes() {
        SignInRequest.Parsed all = SignInRequest.from(json("{\"username\":\"alice\",\"password\":\"pw\"}"));
        assertNull(all.scopes());
        SignInRequest.Parsed narrow = SignInRequest.from(json("{\"username\":\"alice\",\"password\":\"pw\","
                + "\"scopes\":[\"devices:read\"]}"));
        assertEquals(Set.of(Scope.DEVICES_READ), narrow.scopes());
        assertFalse(narrow.toString().contains("pw"));

        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> SignInRequest.from(json("{}")));
        assertEquals(List.of("password", "username"), missing.errors().stream().map(FieldError::field).toList());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
