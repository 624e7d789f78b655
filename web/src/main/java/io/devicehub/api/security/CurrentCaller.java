package io.devicehub.api.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The caller of the current API request, for resources ({@link ApiAuthorization} made sure there is one). */
@RequestScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    public ApiCaller get() {
        ApiCaller caller = (ApiCaller) request.getAttribute(ApiCaller.ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("An API resource ran without a caller; did ApiAuthorization not run?");
        }
        return caller;
    }
}
