package io.devicehub.api.security;

import jakarta.inject.Inject;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The API's door into the container's authentication, one step shorter than Jakarta Security's. The container asks
 * Jakarta Authentication (JASPIC) about every request, twice: before it (validate) and after it (secure the
 * response). Jakarta Security answers through a bridge module that looks up the {@code BeanManager} in JNDI and
 * resolves the mechanism bean anew on each of those two questions; for a lean resource call that was a sixth of the
 * server's work (docs/benchmarks.md). This listener wraps the bridge's registration for this application: API
 * requests ({@link BearerOrFormAuthentication#isApi}) get the answer the mechanism would give — the same
 * {@link BearerOrFormAuthentication#authenticateApi bearer check}, an anonymous container login, nothing to secure
 * on the way out — straight from the mechanism bean; every other request, the console's, goes to Jakarta Security
 * unchanged. Still one authentication mechanism, and one place that decides who an API caller is.
 * <p>
 * If the bridge is not registered (a container that wires Jakarta Security differently), nothing is wrapped and
 * every request keeps going through Jakarta Security, which answers API requests alike, only slower.
 */
@WebListener
public class ApiDoor implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ApiDoor.class.getName());

    /** The message layer of servlet requests (Jakarta Authentication's Servlet Container Profile). */
    private static final String LAYER = "HttpServlet";

    @Inject
    BearerOrFormAuthentication mechanism;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        AuthConfigProvider bridge = factory == null ? null : factory.getConfigProvider(LAYER, appContext, null);
        if (bridge == null) {
            LOG.warning("No Jakarta Authentication provider for " + appContext
                    + "; API requests authenticate through Jakarta Security");
            return;
        }
        factory.registerConfigProvider(new Provider(bridge, mechanism), LAYER, appContext,
                "DeviceHub: API requests by bearer token, the console by Jakarta Security");
        LOG.info("API requests of " + appContext + " authenticate by bearer token beside the Jakarta Security bridge");
    }

    /** Hands every question to the bridge's provider, wrapping the server configuration it gives. */
    record Provider(AuthConfigProvider bridge, BearerOrFormAuthentication mechanism)
            implements AuthConfigProvider {

        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return new Config(bridge.getServerAuthConfig(layer, appContext, handler), handler, mechanism);
        }

        @Override
        public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return bridge.getClientAuthConfig(layer, appContext, handler);
        }

        @Override
        public void refresh() {
            bridge.refresh();
        }
    }

    private record Config(ServerAuthConfig bridge, CallbackHandler handler, BearerOrFormAuthentication mechanism)
            implements ServerAuthConfig {

        @Override
        public ServerAuthContext getAuthContext(String id, Subject serviceSubject, Map<String, Object> properties)
                throws AuthException {
            return new Context(bridge.getAuthContext(id, serviceSubject, properties), handler, mechanism);
        }

        @Override
        public String getMessageLayer() {
            return bridge.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return bridge.getAppContext();
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return bridge.getAuthContextID(messageInfo);
        }

        @Override
        public void refresh() {
            bridge.refresh();
        }

        @Override
        public boolean isProtected() {
            return bridge.isProtected();
        }
    }

    /** API requests answered here, all others by the bridge. */
    private record Context(ServerAuthContext bridge, CallbackHandler handler, BearerOrFormAuthentication mechanism)
            implements ServerAuthContext {

        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
            if (!(message.getRequestMessage() instanceof HttpServletRequest request)
                    || !BearerOrFormAuthentication.isApi(request)) {
                return bridge.validateRequest(message, client, service);
            }
            mechanism.authenticateApi(request);
            // What the mechanism's doNothing() tells the container through the bridge: an anonymous caller.
            try {
                handler.handle(new Callback[] {new CallerPrincipalCallback(client, (String) null)});
            } catch (IOException | UnsupportedCallbackException failed) {
                throw (AuthException) new AuthException("The container refused an anonymous caller").initCause(failed);
            }
            return AuthStatus.SUCCESS;
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
            if (message.getRequestMessage() instanceof HttpServletRequest request
                    && BearerOrFormAuthentication.isApi(request)) {
                return AuthStatus.SEND_SUCCESS;
            }
            return bridge.secureResponse(message, service);
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
            bridge.cleanSubject(message, subject);
        }
    }
}
