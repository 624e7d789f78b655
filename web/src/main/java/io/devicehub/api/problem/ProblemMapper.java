package io.devicehub.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every failure of an API request with a problem ({@link Problems}). Unexpected ones are logged with an
 * incident id that the answer repeats, and the caller sees nothing else of them: no message, no stack trace.
 * <p>
 * It holds no request state, so it also serves failures that arrive after the request thread has gone (resource
 * calls that a device answers later).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        return problemOf(failure).toResponse();
    }

    /** The problem that answers {@code failure}; an unexpected one is logged here, with the incident id. */
    public static Problem problemOf(Throwable failure) {
        return Problems.of(failure).orElseGet(() -> {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, failure, () -> "Unexpected failure of an API request, incident " + incident);
            return Problems.unexpected(incident);
        });
    }
}
