package io.devicehub.bench.seed;

import io.devicehub.credential.ServerKey;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The server's own {@link ServerKey}, set up as CDI and MicroProfile Config would set it up from
 * {@code DEVICEHUB_SERVER_KEY}: the yardstick the seeded HMACs are checked against.
 */
final class ProductServerKey {

    private ProductServerKey() {
    }

    static ServerKey of(String base64Key) throws ReflectiveOperationException {
        ServerKey key = new ServerKey();
        set(key, "configuredKey", Optional.of(base64Key));
        set(key, "keyFile", "/nonexistent/server.key");
        Method load = ServerKey.class.getDeclaredMethod("load");
        load.setAccessible(true);
        load.invoke(key);
        return key;
    }

    private static void set(ServerKey key, String name, Object value) throws ReflectiveOperationException {
        Field field = ServerKey.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(key, value);
    }
}
