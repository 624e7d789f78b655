package io.devicehub.api.security;

import io.devicehub.api.problem.ApiException;
import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemType;

/** 403: managing API tokens needs an access token issued for the password, not an API token. */
public class AccessTokenRequiredException extends ApiException {

    public AccessTokenRequiredException() {
        super(Problem.of(ProblemType.ACCESS_TOKEN_REQUIRED, "API tokens are managed with an access token: get one "
                + "with your username and password from POST /api/v1/auth/token, or use the console."));
    }
}
