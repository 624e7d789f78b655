package io.devicehub.api.devices;

import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemMapper;
import io.devicehub.session.CallResult;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the answers of {@link DirectCalls}: the JSON that JAX-RS writes for the same call — the
 * {@link CallResultJson} members in their order, {@code output} left out for resources without one — or the problem
 * that {@link ProblemMapper} would answer.
 */
final class CallAnswers {

    private static final Logger LOG = Logger.getLogger(CallAnswers.class.getName());

    /** Looked up once: {@code Json.create…} would search the class path for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private CallAnswers() {
    }

    static void result(HttpServletResponse response, String device, String resource, CallResult result) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject().write("device", device).write("resource", resource);
            if (result.output() != null) {
                json.write("output", result.output());
            }
            json.write("durationMs", result.duration().toMillis()).writeEnd();
        }
        write(response, 200, "application/json", body.toByteArray());
    }

    static void problem(HttpServletResponse response, Throwable failure) {
        Problem problem = ProblemMapper.problemOf(failure);
        problem.headers().forEach(response::setHeader);
        write(response, problem.status(), Problem.MEDIA_TYPE, problem.toJson().toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse response, int status, String type, byte[] body) {
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException gone) {
            // The caller closed the connection before its answer: nothing is lost but the answer it gave up on.
            LOG.log(Level.FINE, "A call's answer could not be written", gone);
        }
    }
}
