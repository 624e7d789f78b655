package io.devicehub.api.security;

import io.devicehub.token.ApiTokens;
import io.devicehub.token.InvalidTokenException;
import io.devicehub.token.TokenCache;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * The application's one authentication mechanism, with two doors: requests under {@code /api/} authenticate with a
 * bearer token, everything else goes to the console's form sign-in ({@code ConsoleSecurity}'s definition).
 * <p>
 * One mechanism because Jakarta Security 3 allows only one: a second {@code HttpAuthenticationMechanism} bean next
 * to the form definition makes every request fail with an ambiguous resolution. This one is an enabled alternative,
 * so it is the mechanism the container uses, and it hands non-API requests to the form mechanism bean, which keeps
 * its interceptors (login page redirects, the signed-in session). A token recently found valid comes from the
 * {@link TokenCache} without a database look-up.
 * <p>
 * The API door is stateless and never uses the session: a console cookie sent to {@code /api/} authenticates
 * nothing, so the API cannot be driven by cross-site requests. It only ever lets a valid token in; a missing or
 * refused token leaves the request anonymous and records why (attribute {@link #FAILURE}), and
 * {@link ApiAuthorization} answers 401 for the endpoints that need a caller. Tokens are never logged.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class BearerOrFormAuthentication implements HttpAuthenticationMechanism {

    /** The request attribute holding the exception that explains why an API request has no caller. */
    public static final String FAILURE = BearerOrFormAuthentication.class.getName() + ".failure";

    @Inject
    ApiTokens tokens;

    @Inject
    TokenCache cache;

    @Inject
    BeanManager beans;

    private volatile HttpAuthenticationMechanism form;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (!isApi(request)) {
            return form().validateRequest(request, response, context);
        }
        authenticateApi(request);
        // The API authorizes by the caller's token (ApiAuthorization), not by container roles, so it does not log
        // the caller in to the container: that would build a subject and check roles on every request.
        return context.doNothing();
    }

    /**
     * The API door: finds the caller of an API request by its bearer token and records it (attribute
     * {@link ApiCaller#ATTRIBUTE}), or records why there is none (attribute {@link #FAILURE}). Never throws, never
     * answers: {@link ApiAuthorization} and the lean call path answer for endpoints that need a caller.
     * {@link ApiDoor} calls this directly for API requests, without the Jakarta Security bridge.
     */
    public void authenticateApi(HttpServletRequest request) {
        try {
            String token = BearerCredentials.fromHeaders(request.getHeaders("Authorization"));
            request.setAttribute(ApiCaller.ATTRIBUTE, authenticate(token, request.getRemoteAddr()));
        } catch (InvalidTokenException refused) {
            request.setAttribute(FAILURE, NotAuthenticatedException.refused(refused));
        } catch (RuntimeException refused) {
            // Typed refusals (missing, throttled) and unexpected failures alike become the API's answer.
            request.setAttribute(FAILURE, refused);
        }
    }

    /**
     * The caller behind a token (the cache first, then the database), as every API request finds it; the
     * WebSocket API checks its token with this too, at the start and again for each call.
     *
     * @throws InvalidTokenException    when the token is malformed, unknown, expired or revoked
     * @throws io.devicehub.credential.TooManyAttemptsException when checks from this address are refused for now
     */
    public ApiCaller authenticate(String token, String remoteAddress) {
        return new ApiCaller(cache.find(token, Instant.now())
                .orElseGet(() -> tokens.authenticate(token, remoteAddress)));
    }

    /**
     * The token of a WebSocket upgrade's {@code Authorization} headers, read as an API request's.
     *
     * @throws RepeatedAuthorizationException when there is more than one header
     * @throws NotAuthenticatedException      when there is none, or it does not carry a bearer token
     */
    public static String bearerToken(List<String> authorizationHeaders) {
        return BearerCredentials.fromHeaders(authorizationHeaders == null ? null
                : Collections.enumeration(authorizationHeaders));
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        return isApi(request) ? AuthenticationStatus.SUCCESS : form().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (isApi(request)) {
            HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
        } else {
            form().cleanSubject(request, response, context);
        }
    }

    /** Whether the container mapped the request to the API (its servlet path is {@code /api}). */
    static boolean isApi(HttpServletRequest request) {
        return isApiPath(request.getServletPath());
    }

    static boolean isApiPath(String servletPath) {
        return servletPath != null && (servletPath.equals("/api") || servletPath.startsWith("/api/"));
    }

    /** The form mechanism that the console's definition created: the other mechanism bean. */
    private HttpAuthenticationMechanism form() {
        HttpAuthenticationMechanism found = form;
        if (found == null) {
            List<Bean<?>> others = beans.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(bean -> !bean.getBeanClass().equals(BearerOrFormAuthentication.class))
                    .toList();
            if (others.size() != 1) {
                throw new IllegalStateException("Expected the console's form mechanism beside this one, found "
                        + others.size() + " other mechanisms");
            }
            Bean<?> bean = others.get(0);
            found = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
            form = found;
        }
        return found;
    }
}
