package io.devicehub.api.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Authorization header, and which requests are the API's. */
class BearerCredentialsTest {

    @Test
    void theTokenFollowsTheSchemeInAnyCase() {
        assertEquals("dh_pat_abc", BearerCredentials.token("Bearer dh_pat_abc"));
        assertEquals("dh_pat_abc", BearerCredentials.token("bearer   dh_pat_abc "));
    }

    @Test
    void noHeaderIsAPlainChallenge() {
        NotAuthenticatedException missing = assertThrows(NotAuthenticatedException.class,
                () -> BearerCredentials.token(null));
        assertEquals("Bearer realm=\"DeviceHub\"", missing.problem().headers().get("WWW-Authenticate"));
        assertEquals(401, missing.problem().status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic YWxpY2U6c2VjcmV0", "Bearer", "Bearer ", "Bearer two parts", "dh_pat_abc"})
    void anythingButOneBearerTokenIsMalformed(String header) {
        NotAuthenticatedException malformed = assertThrows(NotAuthenticatedException.class,
                () -> BearerCredentials.token(header));
        assertTrue(malformed.problem().headers().get("WWW-Authenticate").contains("error=\"invalid_request\""));
    }

    @Test
    void twoHeadersAreRefusedRatherThanOneChosen() {
        RepeatedAuthorizationException twice = assertThrows(RepeatedAuthorizationException.class,
                () -> BearerCredentials.fromHeaders(headers("Bearer dh_pat_a", "Bearer dh_pat_b")));
        assertEquals(400, twice.problem().status());
        assertEquals("Send one Authorization header, not 2.", twice.problem().detail());
        assertEquals("dh_pat_a", BearerCredentials.fromHeaders(headers("Bearer dh_pat_a")));
        assertThrows(NotAuthenticatedException.class, () -> BearerCredentials.fromHeaders(headers()));
    }

    @Test
    void theApiIsWhatTheContainerMapsUnderApi() {
        assertTrue(BearerOrFormAuthentication.isApiPath("/api"));
        assertTrue(BearerOrFormAuthentication.isApiPath("/api/v1/devices"));
        assertFalse(BearerOrFormAuthentication.isApiPath("/apiary.xhtml"));
        assertFalse(BearerOrFormAuthentication.isApiPath("/devices/index.xhtml"));
        assertFalse(BearerOrFormAuthentication.isApiPath(""));
        assertFalse(BearerOrFormAuthentication.isApiPath(null));
    }

    private static Enumeration<String> headers(String... values) {
        return Collections.enumeration(List.of(values));
    }
}
