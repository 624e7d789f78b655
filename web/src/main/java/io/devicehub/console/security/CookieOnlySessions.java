package io.devicehub.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Refuses console requests that name their session in the URL ({@code ;jsessionid=…}, also percent-encoded). The
 * console tracks sessions by cookie only, but Payara binds a URL's session id to the request whatever the tracking
 * mode; a URL leaks through logs, the Referer header and shared links, so a session named there must not sign
 * anyone in. The request was bound to the session before this filter runs, but nothing has been rendered yet:
 * refusing it here (400, the console's error page) is enough. The API never uses sessions and is left alone.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CookieOnlySessions extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        boolean api = path != null && (path.equals("/api") || path.startsWith("/api/"));
        if (request.isRequestedSessionIdFromURL() && !api) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
