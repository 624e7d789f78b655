package io.devicehub.session;

import jakarta.websocket.Session;

import java.lang.reflect.Method;

/**
 * The device's network address. Jakarta WebSocket does not expose it; Tyrus (Payara's implementation) does, through
 * its session's {@code getRemoteAddr()}, read here without a compile-time dependency on Tyrus.
 */
public final class RemoteAddress {

    private RemoteAddress() {
    }

    public static String of(Session session) {
        try {
            Method getter = session.getClass().getMethod("getRemoteAddr");
            Object address = getter.invoke(session);
            return address == null ? "unknown" : address.toString();
        } catch (ReflectiveOperationException | RuntimeException notTyrus) {
            return "unknown";
        }
    }
}
