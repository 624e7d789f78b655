package io.devicehub.console.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the console's session cookie {@code Secure} when DeviceHub is reached over HTTPS
 * ({@code devicehub.session.cookie-secure=true}, i.e. {@code DEVICEHUB_SESSION_COOKIE_SECURE=true}), typically
 * behind a proxy that terminates TLS, where the server itself cannot see that the browser used HTTPS. Off by default
 * so that plain-HTTP installations keep working. {@code HttpOnly} comes from web.xml and {@code SameSite=Lax} from
 * payara-web.xml (Payara ignores web.xml's cookie attributes).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean secure = ConfigProvider.getConfig()
                .getOptionalValue("devicehub.session.cookie-secure", Boolean.class).orElse(false);
        if (secure) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
