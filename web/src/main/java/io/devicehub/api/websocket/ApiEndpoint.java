package io.devicehub.api.websocket;

import io.devicehub.api.security.BearerOrFormAuthentication;
import io.devicehub.session.LiveSessions;
import io.devicehub.session.RemoteAddress;
import io.devicehub.session.ResourceCalls;
import io.devicehub.session.SessionClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket API's endpoint, at {@value #PATH}; one instance serves every connection, each connection's state
 * lives in its {@link ApiConnection}. Registered in code like the device endpoint (see
 * {@code DeviceEndpointRegistration}), and handed out by its configurator without a CDI look-up per connection.
 * <p>
 * The upgrade's {@code Authorization} headers are kept for the connection by the configurator: Tyrus gives each
 * handshake its own copy of the configuration's user properties, which the connection's session then holds.
 */
@ApplicationScoped
public class ApiEndpoint extends Endpoint {

    public static final String PATH = "/ws/api";

    /** The largest message a program may send, in bytes of UTF-8; a larger one closes the socket with 1009. */
    public static final int MAX_MESSAGE_BYTES = 65_536;

    private static final Logger LOG = Logger.getLogger(ApiEndpoint.class.getName());
    private static final String AUTHORIZATION = ApiEndpoint.class.getName() + ".authorization";
    private static final String CONNECTION = ApiConnection.class.getName();

    @Inject
    BearerOrFormAuthentication authentication;

    @Inject
    ResourceCalls calls;

    @Inject
    LiveSessions sessions;

    @Inject
    ApiSubscriptions subscriptions;

    @Inject
    SessionClock clock;

    /** The endpoint's configuration, handing every connection to {@code endpoint}. */
    public static ServerEndpointConfig config(ApiEndpoint endpoint) {
        return ServerEndpointConfig.Builder.create(ApiEndpoint.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(endpoint);
                    }

                    @Override
                    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                                                HandshakeResponse response) {
                        config.getUserProperties().put(AUTHORIZATION, authorization(request.getHeaders()));
                    }
                })
                .build();
    }

    /** The request's {@code Authorization} headers, whatever the case of the name. */
    private static List<String> authorization(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(header -> "authorization".equalsIgnoreCase(header.getKey()))
                .flatMap(header -> header.getValue().stream())
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        List<String> authorization = (List<String>) session.getUserProperties().remove(AUTHORIZATION);
        ApiConnection connection = new ApiConnection(session, this, RemoteAddress.of(session));
        session.getUserProperties().put(CONNECTION, connection);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) connection::onText);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes ->
                connection.onBinary());
        connection.open(authorization == null ? List.of() : authorization);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (session.getUserProperties().remove(CONNECTION) instanceof ApiConnection connection) {
            connection.onClose();
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        // The container closes the session after this (e.g. 1009 for a message over the limit); onClose cleans up.
        LOG.log(Level.FINE, "WebSocket API connection error", failure);
    }

    BearerOrFormAuthentication authentication() {
        return authentication;
    }

    ResourceCalls calls() {
        return calls;
    }

    LiveSessions sessions() {
        return sessions;
    }

    ApiSubscriptions subscriptions() {
        return subscriptions;
    }

    ScheduledExecutorService timer() {
        return clock.timer();
    }
}
