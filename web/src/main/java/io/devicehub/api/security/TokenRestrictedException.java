package io.devicehub.api.security;

import io.devicehub.api.problem.ApiException;
import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemType;

/**
 * 403: the token is limited to one device (and maybe some of its resources), and this is another. It is answered
 * before the device is looked up, so that it tells nothing about which devices exist.
 */
public class TokenRestrictedException extends ApiException {

    public TokenRestrictedException(String detail) {
        super(Problem.of(ProblemType.TOKEN_RESTRICTED, detail));
    }
}
