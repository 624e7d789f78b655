package io.devicehub.api.json;

import io.devicehub.api.problem.ApiException;
import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemType;

/** A request body is not the JSON it should be: not JSON at all, empty, or not the expected kind of value. */
public class MalformedJsonException extends ApiException {

    public MalformedJsonException(String detail) {
        super(Problem.of(ProblemType.MALFORMED_JSON, detail));
    }
}
