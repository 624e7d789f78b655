package io.devicehub.api.security;

import io.devicehub.token.AuthenticatedToken;
import io.devicehub.token.Scope;
import io.devicehub.token.TokenKind;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a token allows: scopes, its device and resources, and which kind may manage tokens. */
class ApiCallerTest {

    @Test
    void aScopeTheTokenLacksIsForbiddenAndNamed() {
        ApiCaller reader = caller(TokenKind.API, Set.of(Scope.DEVICES_READ), null, Set.of());
        assertDoesNotThrow(() -> reader.requireAnyScope(Scope.DEVICES_READ));
        assertDoesNotThrow(() -> reader.requireAnyScope(Scope.RESOURCES_CALL, Scope.DEVICES_READ));

        InsufficientScopeException denied = assertThrows(InsufficientScopeException.class,
                () -> reader.requireAnyScope(Scope.DEVICES_WRITE));
        assertEquals(403, denied.problem().status());
        assertEquals("urn:devicehub:problem:insufficient-scope", denied.problem().type());
        assertEquals("Bearer realm=\"DeviceHub\", error=\"insufficient_scope\", scope=\"devices:write\"",
                denied.problem().headers().get("WWW-Authenticate"));
    }

    @Test
    void aTokenLimitedToADeviceReachesOnlyThatDevice() {
        ApiCaller limited = caller(TokenKind.API, Set.of(Scope.DEVICES_READ), "led-1", Set.of());
        assertDoesNotThrow(() -> limited.requireDevice("led-1"));
        assertThrows(TokenRestrictedException.class, () -> limited.requireDevice("led-2"));
        assertThrows(TokenRestrictedException.class, () -> limited.requireDevice("LED-1"), "case-sensitive");
        assertThrows(TokenRestrictedException.class, limited::requireAllDevices);
    }

    @Test
    void aTokenLimitedToResourcesCallsOnlyThose() {
        ApiCaller limited = caller(TokenKind.API, Set.of(Scope.RESOURCES_CALL), "led-1", Set.of("state"));
        assertDoesNotThrow(() -> limited.requireResource("led-1", "state"));
        TokenRestrictedException other = assertThrows(TokenRestrictedException.class,
                () -> limited.requireResource("led-1", "reboot"));
        assertTrue(other.getMessage().contains("only state"), other.getMessage());
        assertThrows(TokenRestrictedException.class, () -> limited.requireResource("led-2", "state"));
        assertTrue(limited.allowsResource("state"));
        assertFalse(limited.allowsResource("reboot"));
    }

    @Test
    void anUnlimitedTokenReachesEveryDeviceAndResource() {
        ApiCaller unlimited = caller(TokenKind.API, Set.of(Scope.RESOURCES_CALL), null, Set.of());
        assertDoesNotThrow(unlimited::requireAllDevices);
        assertDoesNotThrow(() -> unlimited.requireResource("any", "thing"));
    }

    @Test
    void onlyAccessTokensManageTokens() {
        assertDoesNotThrow(() -> caller(TokenKind.ACCESS, Set.of(Scope.DEVICES_READ), null, Set.of())
                .requireAccessToken());
        AccessTokenRequiredException denied = assertThrows(AccessTokenRequiredException.class,
                () -> caller(TokenKind.API, Set.of(Scope.values()), null, Set.of()).requireAccessToken());
        assertEquals(403, denied.problem().status());
    }

    private static ApiCaller caller(TokenKind kind, Set<Scope> scopes, String device, Set<String> resources) {
        return new ApiCaller(new AuthenticatedToken(1, kind, 2, "alice", scopes, device, resources, null));
    }
}
