package io.devicehub.api.problem;

/**
 * A failure of an API request that is the API's own (authentication, scopes, the body), as opposed to the
 * boundaries' typed failures. It carries its problem; the mapper writes it as it is.
 */
public abstract class ApiException extends RuntimeException {

    private final transient Problem problem;

    protected ApiException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
