package io.devicehub.session;

import io.devicehub.bucket.BucketWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket endpoint devices connect to, at {@value #PATH}. One instance serves every connection; each
 * connection's state lives in its own {@link DeviceConnection}.
 * <p>
 * It is registered programmatically (see {@link #config()}), because with Faces' own WebSocket endpoint enabled an
 * annotated endpoint in a library jar is not deployed.
 */
@ApplicationScoped
public class DeviceEndpoint extends Endpoint {

    public static final String PATH = "/ws/devices";

    private static final Logger LOG = Logger.getLogger(DeviceEndpoint.class.getName());
    private static final String CONNECTION = DeviceConnection.class.getName();

    @Inject
    LiveSessions sessions;

    @Inject
    DeviceLogin login;

    @Inject
    ConnectionHistory history;

    @Inject
    SessionSettings settings;

    @Inject
    SessionClock clock;

    @Inject
    BucketWriter buckets;

    @Inject
    StoredData storedData;

    @Inject
    Event<Object> events;

    /** The endpoint's configuration, handing every connection to {@code endpoint}. */
    public static ServerEndpointConfig config(DeviceEndpoint endpoint) {
        return ServerEndpointConfig.Builder.create(DeviceEndpoint.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(endpoint);
                    }
                })
                .build();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        clock.timer(); // starts the sweep that enforces the authentication timeout
        DeviceConnection connection = new DeviceConnection(session, this, RemoteAddress.of(session));
        session.getUserProperties().put(CONNECTION, connection);
        sessions.opened(connection);
        // Pieces, not whole messages: the container would assemble a message of any size before counting it.
        session.addMessageHandler(String.class, new InboundText(connection, settings.maxFrameBytes()));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (bytes, last) ->
                connection.onBinary());
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (session.getUserProperties().remove(CONNECTION) instanceof DeviceConnection connection) {
            connection.onClose(reason);
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        // The container closes the session after this (e.g. 1007 for text that is not UTF-8); onClose cleans up.
        LOG.log(Level.FINE, "Device connection error", failure);
    }

    LiveSessions sessions() {
        return sessions;
    }

    DeviceLogin login() {
        return login;
    }

    ConnectionHistory history() {
        return history;
    }

    SessionSettings settings() {
        return settings;
    }

    BucketWriter buckets() {
        return buckets;
    }

    StoredData storedData() {
        return storedData;
    }

    ScheduledExecutorService timer() {
        return clock.timer();
    }

    /**
     * Tells observers what happened, on the calling thread: an asynchronous event would cost a context capture per
     * event on Payara (see {@link TyrusTimers}), too much for thousands of devices. Observers must be quick; a
     * failing one is logged and affects no device.
     */
    void announce(Object event) {
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer failed on " + event.getClass().getSimpleName(), e);
        }
    }
}
