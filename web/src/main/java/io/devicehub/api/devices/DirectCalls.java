package io.devicehub.api.devices;

import io.devicehub.api.json.JsonBodyReader;
import io.devicehub.api.security.ApiCaller;
import io.devicehub.api.security.BearerOrFormAuthentication;
import io.devicehub.api.security.NotAuthenticatedException;
import io.devicehub.api.security.RepeatedAuthorizationException;
import io.devicehub.console.security.SecurityHeaders;
import io.devicehub.session.CallTimeout;
import io.devicehub.session.CallTimeoutException;
import io.devicehub.session.InputMismatchException;
import io.devicehub.session.ResourceCalls;
import io.devicehub.token.Scope;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lean path of a single resource call: {@code GET} and {@code POST /api/v1/devices/{id}/resources/{name}}
 * answered by this filter itself, without JAX-RS, its per-request resource instances and provider look-ups. The
 * same URL, tokens, scopes, limits, problems and answers as {@link DeviceResourcesResource}, which describes the
 * endpoint in the OpenAPI document and still serves every request of that path this filter does not take on: any
 * other method, percent-encoded or matrix segments, an encoded query, an {@code Accept} header that might exclude
 * JSON, a body that is not {@code application/json}. Those are rare, and so they keep exactly the answers they had.
 * <p>
 * The authentication mechanism has already found the caller (or recorded why there is none) before any filter runs;
 * this checks it as {@code ApiAuthorization} would, then hands the call to {@link ResourceCalls} — the owner of
 * every call rule — and answers asynchronously, so a call waiting for its device holds no thread.
 */
@WebFilter(urlPatterns = "/api/v1/devices/*", asyncSupported = true)
public class DirectCalls extends HttpFilter {

    private static final String PREFIX = "/api/v1/devices/";
    private static final String RESOURCES = "/resources/";

    /** How long past the longest call the request may stay open, should a call never end. */
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(5);

    @Inject
    ResourceCalls calls;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Target target = target(request);
        if (target == null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityHeaders.apply(request, response);
        try {
            ApiCaller caller = caller(request);
            JsonValue input = target.post() ? JsonBodyReader.read(request.getInputStream(),
                    request.getHeader("Content-Length"), JsonBodyReader.MAX_BYTES).value() : null;
            caller.requireResource(target.device(), target.resource());
            Duration timeout = CallTimeout.parse(target.timeout());
            call(request, response, caller, target, input, timeout);
        } catch (RuntimeException refused) {
            CallAnswers.problem(response, refused);
        }
    }

    private void call(HttpServletRequest request, HttpServletResponse response, ApiCaller caller, Target target,
                      JsonValue input, Duration timeout) {
        AsyncContext async = request.startAsync();
        AtomicBoolean answered = new AtomicBoolean();
        async.setTimeout(CallTimeout.MAX.plus(SAFETY_MARGIN).toMillis());
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                if (answered.compareAndSet(false, true)) {
                    CallAnswers.problem(response, new CallTimeoutException("The call of '" + target.resource()
                            + "' did not end in time."));
                    async.complete();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
                answered.set(true);
            }

            @Override
            public void onError(AsyncEvent event) {
                answered.set(true); // the client went away: nobody to answer
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        calls.call(caller.accountId(), target.device(), target.resource(), input, timeout)
                .whenComplete((result, failure) -> {
                    if (!answered.compareAndSet(false, true)) {
                        return;
                    }
                    if (failure != null) {
                        CallAnswers.problem(response, failure instanceof InputMismatchException mismatch
                                ? new KindNeedsOtherMethodException(mismatch.resource()) : failure);
                    } else {
                        CallAnswers.result(response, target.device(), target.resource(), result);
                    }
                    async.complete();
                });
    }

    /** The caller, checked as {@code ApiAuthorization} checks it for a method that needs {@code resources:call}. */
    private static ApiCaller caller(HttpServletRequest request) {
        Object failure = request.getAttribute(BearerOrFormAuthentication.FAILURE);
        if (failure instanceof RepeatedAuthorizationException repeated) {
            throw repeated;
        }
        ApiCaller caller = (ApiCaller) request.getAttribute(ApiCaller.ATTRIBUTE);
        if (caller == null) {
            throw failure instanceof RuntimeException refused ? refused : NotAuthenticatedException.missing();
        }
        caller.requireAnyScope(Scope.RESOURCES_CALL);
        return caller;
    }

    /** The call this request asks for, or {@code null} when JAX-RS should answer it (see the class comment). */
    static Target target(HttpServletRequest request) {
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        if (!post && !"GET".equals(method) || !acceptsJson(request.getHeader("Accept"))
                || post && !isJson(request.getContentType())) {
            return null;
        }
        String uri = request.getRequestURI();
        int start = request.getContextPath().length() + PREFIX.length();
        if (!uri.startsWith(PREFIX, request.getContextPath().length())) {
            return null;
        }
        int resources = uri.indexOf(RESOURCES, start);
        if (resources <= start) {
            return null;
        }
        String device = uri.substring(start, resources);
        String resource = uri.substring(resources + RESOURCES.length());
        if (!isPlainSegment(device) || !isPlainSegment(resource)) {
            return null;
        }
        String query = request.getQueryString();
        if (query != null && (query.indexOf('%') >= 0 || query.indexOf('+') >= 0)) {
            return null;
        }
        return new Target(post, device, resource, timeoutOf(query));
    }

    /** Taken as it is: no percent-encoding to decode, no matrix parameters, no further segments. */
    private static boolean isPlainSegment(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/' || c == '%' || c == ';') {
                return false;
            }
        }
        return true;
    }

    /** The first {@code timeout} of the query, as {@code @QueryParam} would take it; {@code null} when absent. */
    private static String timeoutOf(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (name.equals("timeout")) {
                return equals < 0 ? "" : pair.substring(equals + 1);
            }
        }
        return null;
    }

    /** An {@code Accept} header that certainly allows {@code application/json} (no weights to weigh). */
    private static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        if (accept.contains("q=") || accept.contains(",")) {
            return false;
        }
        String type = accept.strip();
        return type.equals("*/*") || type.equalsIgnoreCase("application/json") || type.equals("application/*");
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return type.equalsIgnoreCase("application/json");
    }

    /** A call as the request asks for it: the timeout still as written. */
    record Target(boolean post, String device, String resource, String timeout) {
    }
}
