package io.devicehub.api.security;

import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API door wrapped around Jakarta Security's bridge: API requests get the mechanism's bearer check and an
 * anonymous container login without the bridge; every other request, and every other question, goes to the bridge.
 */
class ApiDoorTest {

    private final List<String> bridgeCalls = new ArrayList<>();
    private final List<Callback> handled = new ArrayList<>();

    @Test
    void anApiRequestIsCheckedByTheMechanismAndLeftAnonymous() throws Exception {
        Map<String, Object> attributes = new HashMap<>();
        ServerAuthContext context = door();
        Subject client = new Subject();
        MessageInfo message = message(request("/api", attributes));

        assertEquals(AuthStatus.SUCCESS, context.validateRequest(message, client, null));
        // No Authorization header: the mechanism's own refusal is recorded for the API to answer 401.
        assertInstanceOf(NotAuthenticatedException.class, attributes.get(BearerOrFormAuthentication.FAILURE));
        assertNull(attributes.get(ApiCaller.ATTRIBUTE));
        assertEquals(1, handled.size());
        CallerPrincipalCallback anonymous = assertInstanceOf(CallerPrincipalCallback.class, handled.get(0));
        assertSame(client, anonymous.getSubject());
        assertNull(anonymous.getName());
        assertNull(anonymous.getPrincipal());
        assertEquals(AuthStatus.SEND_SUCCESS, context.secureResponse(message, null));
        assertEquals(List.of(), bridgeCalls, "the bridge is not asked about API requests");
    }

    @Test
    void everyOtherRequestGoesToJakartaSecurity() throws Exception {
        ServerAuthContext context = door();
        MessageInfo console = message(request("/devices", new HashMap<>()));

        assertEquals(AuthStatus.SEND_CONTINUE, context.validateRequest(console, new Subject(), null));
        assertEquals(AuthStatus.SEND_SUCCESS, context.secureResponse(console, null));
        context.cleanSubject(message(request("/api", new HashMap<>())), new Subject());
        assertEquals(List.of("validateRequest", "secureResponse", "cleanSubject"), bridgeCalls);
        assertTrue(handled.isEmpty());
    }

    @Test
    void aPathThatOnlyStartsLikeTheApiIsNotTheApi() throws Exception {
        ServerAuthContext context = door();
        assertEquals(AuthStatus.SEND_CONTINUE, context.validateRequest(message(request("/apix", new HashMap<>())),
                new Subject(), null));
        assertEquals(List.of("validateRequest"), bridgeCalls);
    }

    /** The door around a bridge that records what it is asked and answers like a form mechanism. */
    private ServerAuthContext door() throws Exception {
        ServerAuthContext bridgeContext = proxy(ServerAuthContext.class, (name, arguments) -> {
            bridgeCalls.add(name);
            return switch (name) {
                case "validateRequest" -> AuthStatus.SEND_CONTINUE;
                case "secureResponse" -> AuthStatus.SEND_SUCCESS;
                default -> null;
            };
        });
        ServerAuthConfig bridgeConfig = proxy(ServerAuthConfig.class, (name, arguments) ->
                name.equals("getAuthContext") ? bridgeContext : null);
        AuthConfigProvider bridge = proxy(AuthConfigProvider.class, (name, arguments) ->
                name.equals("getServerAuthConfig") ? bridgeConfig : null);
        CallbackHandler handler = callbacks -> handled.addAll(List.of(callbacks));
        return new ApiDoor.Provider(bridge, new BearerOrFormAuthentication())
                .getServerAuthConfig("HttpServlet", "server /", handler)
                .getAuthContext(null, null, Map.of());
    }

    private static MessageInfo message(HttpServletRequest request) {
        return proxy(MessageInfo.class, (name, arguments) -> name.equals("getRequestMessage") ? request : null);
    }

    private static HttpServletRequest request(String servletPath, Map<String, Object> attributes) {
        return proxy(HttpServletRequest.class, (name, arguments) -> switch (name) {
            case "getServletPath" -> servletPath;
            case "getHeaders" -> Collections.emptyEnumeration();
            case "getRemoteAddr" -> "192.0.2.1";
            case "setAttribute" -> attributes.put((String) arguments[0], arguments[1]);
            case "getAttribute" -> attributes.get((String) arguments[0]);
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private interface Answer {
        Object answer(String name, Object[] arguments);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, arguments) -> answer.answer(method.getName(), arguments)));
    }
}
