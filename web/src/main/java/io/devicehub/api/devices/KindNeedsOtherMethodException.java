package io.devicehub.api.devices;

import io.devicehub.api.problem.ApiException;
import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemType;
import io.devicehub.protocol.ResourceDescription;

/**
 * 405: a resource is called with the method of another kind: outputs and runs are read with GET, inputs and
 * input/outputs are sent their input with POST.
 */
class KindNeedsOtherMethodException extends ApiException {

    KindNeedsOtherMethodException(ResourceDescription resource) {
        super(problem(resource));
    }

    private static Problem problem(ResourceDescription resource) {
        boolean post = resource.kind().takesInput();
        return Problem.of(ProblemType.METHOD_NOT_ALLOWED, "'" + resource.name() + "' is " + article(resource)
                        + resource.kind().wireName() + " resource: " + (post
                        ? "POST its input as a JSON body." : "call it with GET, without a body."))
                .withHeader("Allow", post ? "POST" : "GET");
    }

    private static String article(ResourceDescription resource) {
        return resource.kind().wireName().startsWith("i") || resource.kind().wireName().startsWith("o") ? "an " : "a ";
    }
}
