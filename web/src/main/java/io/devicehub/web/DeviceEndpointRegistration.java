package io.devicehub.web;

import io.devicehub.session.DeviceEndpoint;
import io.devicehub.session.TyrusTimers;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import java.util.concurrent.ScheduledExecutorService;

/**
 * Registers the device endpoint ({@value DeviceEndpoint#PATH}) when the application starts. Done here, in code,
 * because an annotated endpoint in a library jar is not deployed once Faces' WebSocket endpoint is enabled, and
 * because the endpoint is a CDI bean that must be the one instance serving every device.
 */
@WebListener
public class DeviceEndpointRegistration implements ServletContextListener {

    @Inject
    DeviceEndpoint endpoint;

    private ScheduledExecutorService tyrusTimers;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container = (ServerContainer) event.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        if (container == null) {
            throw new IllegalStateException("This server offers no WebSocket container; devices cannot connect");
        }
        tyrusTimers = TyrusTimers.unmanage(container);
        try {
            container.addEndpoint(DeviceEndpoint.config(endpoint));
        } catch (DeploymentException e) {
            throw new IllegalStateException("Cannot register the device endpoint at " + DeviceEndpoint.PATH, e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (tyrusTimers != null) {
            tyrusTimers.shutdownNow();
        }
    }
}
