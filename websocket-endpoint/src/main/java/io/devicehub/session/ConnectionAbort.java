package io.devicehub.session;

import jakarta.websocket.Session;

import java.lang.ref.WeakReference;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends a WebSocket's TCP connection at once, dropping whatever the container still holds for the peer.
 * <p>
 * Jakarta WebSocket has no such call, and {@link Session#close} is not enough for a peer that reads nothing: Tyrus
 * queues the close frame behind the frames the peer has not read, and Payara then closes the upgraded connection
 * gracefully, that is once they are written — never. Measured: such a connection stayed open with 2.8 MB in its send
 * queue, the server no longer reading it, for as long as the peer liked. So this reaches through Tyrus's servlet
 * integration and Payara's servlet output stream to Grizzly's connection (by names of fields and methods of Tyrus 2.1
 * and Payara 6, with reflection) and terminates it. Found when the session opens: once it is closed, the container
 * recycles the stream's buffers for other requests, and a look then could find (and later terminate) another
 * connection. Not through the upgrade's HTTP request: that is only set once the upgrade request has finished, and
 * the thread finishing it can itself be waiting for the peer to read (seen under load: the 101's flush waited
 * behind the frames written meanwhile). The fields and methods are looked up once per class.
 * <p>
 * If the path is not there (another container or version), this says so once in the log and finds nothing: the
 * standard close is all that happens, and a peer that reads nothing keeps its connection until TCP gives up.
 */
final class ConnectionAbort {

    private static final Logger LOG = Logger.getLogger(ConnectionAbort.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    /** Fields and methods by class and name, once looked up: a session opens every time a device connects. */
    private static final Map<String, AccessibleObject> FOUND = new ConcurrentHashMap<>();

    /**
     * From the session's remote endpoint to Grizzly's connection, step by step: a field, or (ending in "()") a method,
     * looked up in the class of the object at hand and its superclasses.
     */
    private static final String[] PATH = {"webSocket", "protocolHandler", "writer", "tyrusHttpUpgradeHandler",
            "getWebConnection()", "outputStream", "ob", "grizzlyOutputBuffer", "connection"};

    /** Weakly: waiting to be terminated must not keep a closed connection's objects alive; an open one is held. */
    private final WeakReference<Object> connection;
    private final Method isOpen;
    private final Method terminate;

    private ConnectionAbort(Object connection) throws ReflectiveOperationException {
        this.connection = new WeakReference<>(connection);
        this.isOpen = (Method) member(connection.getClass(), "isOpen()");
        this.terminate = (Method) member(connection.getClass(), "terminateSilently()");
    }

    /** The connection under {@code session}, to terminate later; empty where it cannot be reached. */
    static Optional<ConnectionAbort> of(Session session) {
        try {
            Object at = session.getAsyncRemote();
            for (String step : PATH) {
                Object next = follow(at, step);
                if (next == null) {
                    throw new NoSuchFieldException(at.getClass().getName() + "." + step + " is null");
                }
                at = next;
            }
            return Optional.of(new ConnectionAbort(at));
        } catch (ReflectiveOperationException | RuntimeException unreachable) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "This container's connections cannot be aborted (" + unreachable
                        + "); a peer that stops reading keeps its connection until TCP gives up");
            }
            return Optional.empty();
        }
    }

    /** Terminates the connection unless it is closed already. */
    void terminateIfOpen() {
        Object held = connection.get();
        if (held == null) {
            return;
        }
        try {
            if (Boolean.TRUE.equals(isOpen.invoke(held))) {
                terminate.invoke(held);
            }
        } catch (ReflectiveOperationException | RuntimeException failed) {
            LOG.log(Level.WARNING, "Could not abort a connection", failed);
        }
    }

    /** The field, or (a step ending in "()") the method, of {@code step}, as declared for {@code type}. */
    private static AccessibleObject member(Class<?> type, String step) throws ReflectiveOperationException {
        String key = type.getName() + "." + step;
        AccessibleObject known = FOUND.get(key);
        if (known == null) {
            known = step.endsWith("()") ? findMethod(type, step.substring(0, step.length() - 2))
                    : findField(type, step);
            FOUND.put(key, known);
        }
        return known;
    }

    private static Object follow(Object at, String step) throws ReflectiveOperationException {
        AccessibleObject member = member(at.getClass(), step);
        return member instanceof Method method ? method.invoke(at) : ((Field) member).get(at);
    }

    private static Field findField(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> at = type; at != null; at = at.getSuperclass()) {
            try {
                return accessible(at.getDeclaredField(name));
            } catch (NoSuchFieldException notHere) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static Method findMethod(Class<?> type, String name) throws NoSuchMethodException {
        for (Class<?> at = type; at != null; at = at.getSuperclass()) {
            try {
                return accessible(at.getDeclaredMethod(name));
            } catch (NoSuchMethodException notHere) {
                // declared further up
            }
        }
        for (Class<?> contract : type.getInterfaces()) {
            try {
                return accessible(contract.getMethod(name));
            } catch (NoSuchMethodException notThere) {
                // another interface's
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + "()");
    }

    private static <T extends AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }
}
