package io.devicehub.api.json;

import io.devicehub.api.problem.ApiException;
import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemType;

/** A request body is larger than the API accepts. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(int limit) {
        super(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "Request bodies may be at most " + limit + " bytes."));
    }
}
