package io.devicehub.api.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

/**
 * Lets an API request reach its resource method only with a caller (else 401, with the reason the mechanism
 * recorded) that has the scopes the method declares with {@link RequiresScope} (else 403). Methods marked
 * {@link PermitAll} need no caller ({@code POST /api/v1/auth/token}). Runs after matching, so an unknown path is a
 * plain 404 and an unauthenticated request learns nothing about devices. A request with two {@code Authorization}
 * headers is refused (400) whatever it is for.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthorization implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (request.getAttribute(BearerOrFormAuthentication.FAILURE) instanceof RepeatedAuthorizationException bad) {
            throw bad; // even where no caller is needed: the request is ambiguous, whatever it is for
        }
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        ApiCaller caller = (ApiCaller) request.getAttribute(ApiCaller.ATTRIBUTE);
        if (caller == null) {
            Object failure = request.getAttribute(BearerOrFormAuthentication.FAILURE);
            throw failure instanceof RuntimeException refused ? refused : NotAuthenticatedException.missing();
        }
        RequiresScope scopes = annotation(method, resource.getResourceClass(), RequiresScope.class);
        if (scopes != null) {
            caller.requireAnyScope(scopes.value());
        }
        if (annotation(method, resource.getResourceClass(), RequiresAccessToken.class) != null) {
            caller.requireAccessToken();
        }
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(Method method, AnnotatedElement type,
                                                                            Class<A> annotation) {
        A onMethod = method.getAnnotation(annotation);
        return onMethod != null ? onMethod : type.getAnnotation(annotation);
    }
}
