package io.devicehub.session;

import io.devicehub.common.InvalidInputException;
import io.devicehub.protocol.ResourceDescription;

/**
 * A call gives an input to a resource that takes none ({@code output}, {@code run}), or none to one that needs it
 * ({@code input}, {@code input/output}). An invalid input on the field {@code input}; the REST API, where the method
 * says whether there is an input, answers it as 405 with the method the resource needs.
 */
public class InputMismatchException extends InvalidInputException {

    private final transient ResourceDescription resource;

    InputMismatchException(ResourceDescription resource) {
        super("input", (resource.kind().takesInput() ? "is required: '" : "is not accepted: '") + resource.name()
                + "' is " + resource.kind().withArticle() + " resource");
        this.resource = resource;
    }

    /** The resource as the device described it, with its kind. */
    public ResourceDescription resource() {
        return resource;
    }
}
