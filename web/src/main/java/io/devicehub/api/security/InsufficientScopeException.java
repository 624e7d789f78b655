package io.devicehub.api.security;

import io.devicehub.api.problem.ApiException;
import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemType;
import io.devicehub.api.problem.Problems;
import io.devicehub.token.Scope;

import java.util.Arrays;
import java.util.stream.Collectors;

/** 403: the token is valid but was not given a scope this needs. */
public class InsufficientScopeException extends ApiException {

    public InsufficientScopeException(Scope... anyOf) {
        super(Problem.of(ProblemType.INSUFFICIENT_SCOPE, "This needs a token with the scope "
                        + Arrays.stream(anyOf).map(Scope::wireName).collect(Collectors.joining(" or ")) + ".")
                .withHeader("WWW-Authenticate", Problems.CHALLENGE + ", error=\"insufficient_scope\", scope=\""
                        + Arrays.stream(anyOf).map(Scope::wireName).collect(Collectors.joining(" ")) + "\""));
    }
}
