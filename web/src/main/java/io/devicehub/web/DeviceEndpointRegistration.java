package io.devicehub.web;

import io.devicehub.api.websocket.ApiEndpoint;
import io.devicehub.sampling.ResourceSampler;
import io.devicehub.session.DeviceEndpoint;
import io.devicehub.session.LiveSessions;
import io.devicehub.session.TyrusWarnings;
import io.devicehub.session.TyrusTimers;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Registers the device endpoint ({@value DeviceEndpoint#PATH}) and the WebSocket API's ({@value ApiEndpoint#PATH})
 * when the application starts. Done here, in code,
 * because an annotated endpoint in a library jar is not deployed once Faces' WebSocket endpoint is enabled, and
 * because the endpoint is a CDI bean that must be the one instance serving every device; and starts sampling the
 * resources buckets sample. When the application stops, it stops sampling, then tells every connected device so
 * (close code 1001), which the container would not.
 */
@WebListener
public class DeviceEndpointRegistration implements ServletContextListener {

    @Inject
    DeviceEndpoint endpoint;

    @Inject
    ApiEndpoint api;

    @Inject
    LiveSessions sessions;

    @Inject
    ResourceSampler sampler;

    private ScheduledExecutorService tyrusTimers;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container = (ServerContainer) event.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        if (container == null) {
            throw new IllegalStateException("This server offers no WebSocket container; devices cannot connect");
        }
        tyrusTimers = TyrusTimers.unmanage(container);
        TyrusWarnings.drop();
        try {
            container.addEndpoint(DeviceEndpoint.config(endpoint));
            container.addEndpoint(ApiEndpoint.config(api));
        } catch (DeploymentException e) {
            throw new IllegalStateException("Cannot register the WebSocket endpoints at " + DeviceEndpoint.PATH
                    + " and " + ApiEndpoint.PATH, e);
        }
        sampler.start();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        sampler.stop();
        sessions.closeAllGoingAway(Duration.ofSeconds(5));
        if (tyrusTimers != null) {
            tyrusTimers.shutdownNow();
        }
    }
}
