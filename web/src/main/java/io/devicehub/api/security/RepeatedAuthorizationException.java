package io.devicehub.api.security;

import io.devicehub.api.problem.ApiException;
import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemType;
import io.devicehub.api.problem.Problems;

/**
 * 400: a request with more than one {@code Authorization} header. Which one a proxy or the server would take is
 * anyone's guess, so none is (RFC 6750 section 3.1: a repeated parameter is an {@code invalid_request}).
 */
public class RepeatedAuthorizationException extends ApiException {

    RepeatedAuthorizationException(int headers) {
        super(Problem.of(ProblemType.BAD_REQUEST, "Send one Authorization header, not " + headers + ".")
                .withHeader("WWW-Authenticate", Problems.CHALLENGE + ", error=\"invalid_request\""));
    }
}
