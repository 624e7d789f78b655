package io.devicehub.api.security;

import io.devicehub.api.problem.ApiException;
import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemType;
import io.devicehub.api.problem.Problems;
import io.devicehub.token.InvalidTokenException;

/** 401: no token, not a bearer token, or a token that does not let anyone in (RFC 6750's challenges). */
public class NotAuthenticatedException extends ApiException {

    private NotAuthenticatedException(String detail, String challenge) {
        super(Problem.of(ProblemType.NOT_AUTHENTICATED, detail).withHeader("WWW-Authenticate", challenge));
    }

    /** No credentials at all: the plain challenge, without an error code (RFC 6750 section 3.1). */
    public static NotAuthenticatedException missing() {
        return new NotAuthenticatedException("This needs an access token: send 'Authorization: Bearer <token>'.",
                Problems.CHALLENGE);
    }

    /** An {@code Authorization} header that is not {@code Bearer <token>}. */
    public static NotAuthenticatedException malformed() {
        return new NotAuthenticatedException("The Authorization header must be 'Bearer <token>'.",
                Problems.CHALLENGE + ", error=\"invalid_request\"");
    }

    /** A token that is malformed, unknown, expired or revoked. */
    public static NotAuthenticatedException refused(InvalidTokenException refused) {
        return new NotAuthenticatedException(refused.getMessage(), Problems.CHALLENGE
                + ", error=\"invalid_token\", error_description=\"" + refused.getMessage() + "\"");
    }
}
