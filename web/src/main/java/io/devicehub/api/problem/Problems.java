package io.devicehub.api.problem;

import io.devicehub.bucket.BucketNotFoundException;
import io.devicehub.bucket.SlowDownException;
import io.devicehub.bucket.WriteRefusedException;
import io.devicehub.common.AlreadyRegisteredException;
import io.devicehub.common.DeviceHubException;
import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import io.devicehub.common.NotFoundException;
import io.devicehub.credential.TooManyAttemptsException;
import io.devicehub.device.DeviceNotFoundException;
import io.devicehub.session.CallTimeoutException;
import io.devicehub.session.DeviceBusyException;
import io.devicehub.session.DeviceCallFailedException;
import io.devicehub.session.DeviceOfflineException;
import io.devicehub.session.FleetCallsBusyException;
import io.devicehub.session.InvalidAnswerException;
import io.devicehub.session.UnknownResourceException;
import io.devicehub.token.InvalidCredentialsException;
import io.devicehub.token.TokenNotFoundException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where failures become problems. Every typed failure a caller can cause has its problem type here;
 * anything else is unexpected and answered by the mapper with a generic 500 (and logged there).
 */
public final class Problems {

    /** The challenge of every 401 (RFC 6750): DeviceHub wants a bearer token. */
    public static final String CHALLENGE = "Bearer realm=\"DeviceHub\"";

    private Problems() {
    }

    /** The problem for {@code failure}, or empty when it is unexpected. */
    public static Optional<Problem> of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiException api) {
            return Optional.of(api.problem());
        }
        if (cause instanceof DeviceHubException typed) {
            return Optional.of(ofTyped(typed));
        }
        if (cause instanceof WebApplicationException web) {
            return Optional.of(ofWeb(web));
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException) {
                return Optional.of(Problem.of(ProblemType.CONCURRENT_UPDATE,
                        "Someone else changed this at the same time. Read it again and retry."));
            }
        }
        return Optional.empty();
    }

    /** The generic answer to an unexpected failure; {@code incident} ties it to the server's log. */
    public static Problem unexpected(String incident) {
        return Problem.of(ProblemType.INTERNAL_ERROR, "Something went wrong on the server. It has been logged as "
                + "incident " + incident + ".").withInstance("urn:uuid:" + incident);
    }

    private static Problem ofTyped(DeviceHubException failure) {
        String message = failure.getMessage();
        if (failure instanceof InvalidInputException invalid) {
            return Problem.of(ProblemType.INVALID_INPUT, detailOf(invalid.errors())).withErrors(invalid.errors());
        }
        if (failure instanceof AlreadyRegisteredException taken) {
            return Problem.of(ProblemType.ALREADY_EXISTS, message)
                    .withErrors(List.of(new FieldError(taken.field(), message)));
        }
        if (failure instanceof TooManyAttemptsException blocked) {
            return Problem.of(ProblemType.TOO_MANY_ATTEMPTS, message).withRetryAfter(blocked.retryAfter());
        }
        if (failure instanceof InvalidCredentialsException) {
            return Problem.of(ProblemType.INVALID_CREDENTIALS, message).withHeader("WWW-Authenticate", CHALLENGE);
        }
        if (failure instanceof DeviceNotFoundException) {
            return Problem.of(ProblemType.DEVICE_NOT_FOUND, message);
        }
        if (failure instanceof BucketNotFoundException) {
            return Problem.of(ProblemType.BUCKET_NOT_FOUND, message);
        }
        if (failure instanceof WriteRefusedException refused) {
            return Problem.of(refused.reason() == WriteRefusedException.Reason.DISABLED ? ProblemType.BUCKET_DISABLED
                    : ProblemType.WRONG_SOURCE, message);
        }
        if (failure instanceof SlowDownException slow) {
            return Problem.of(ProblemType.SLOW_DOWN, message).withRetryAfter(slow.retryAfter());
        }
        if (failure instanceof TokenNotFoundException) {
            return Problem.of(ProblemType.TOKEN_NOT_FOUND, message);
        }
        if (failure instanceof NotFoundException) {
            return Problem.of(ProblemType.NOT_FOUND, message);
        }
        if (failure instanceof UnknownResourceException) {
            return Problem.of(ProblemType.UNKNOWN_RESOURCE, message);
        }
        if (failure instanceof DeviceOfflineException) {
            return Problem.of(ProblemType.DEVICE_OFFLINE, message);
        }
        if (failure instanceof DeviceBusyException) {
            return Problem.of(ProblemType.DEVICE_BUSY, message).withRetryAfter(Duration.ofSeconds(1));
        }
        if (failure instanceof FleetCallsBusyException) {
            return Problem.of(ProblemType.SERVER_BUSY, message).withRetryAfter(Duration.ofSeconds(1));
        }
        if (failure instanceof CallTimeoutException) {
            return Problem.of(ProblemType.DEVICE_TIMEOUT, message);
        }
        if (failure instanceof InvalidAnswerException) {
            return Problem.of(ProblemType.INVALID_ANSWER, message);
        }
        if (failure instanceof DeviceCallFailedException) {
            return Problem.of(ProblemType.DEVICE_ERROR, "The device answered with an error: " + message);
        }
        // Any other typed failure was caused by the caller and its message is written for them.
        return Problem.of(ProblemType.BAD_REQUEST, message);
    }

    private static Problem ofWeb(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        if (failure instanceof NotAllowedException) {
            Set<String> allowed = new TreeSet<>(failure.getResponse().getAllowedMethods());
            return Problem.of(ProblemType.METHOD_NOT_ALLOWED, "This endpoint answers " + String.join(", ", allowed)
                    + " only.").withHeader("Allow", String.join(", ", allowed));
        }
        if (failure instanceof NotSupportedException) {
            return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "This endpoint does not take a body of that Content-Type: JSON bodies are application/json "
                            + "(application/merge-patch+json for PATCH), imports text/csv; see /openapi.");
        }
        if (failure instanceof NotAcceptableException) {
            return Problem.of(ProblemType.NOT_ACCEPTABLE, "This endpoint cannot answer in a type the Accept header "
                    + "allows: it answers application/json (exports also text/csv and application/x-ndjson); see "
                    + "/openapi.");
        }
        if (status == 404) {
            return Problem.of(ProblemType.NOT_FOUND, "There is no such endpoint. The API is described at /openapi.");
        }
        return Problem.ofStatus(status, Optional.ofNullable(failure.getResponse().getStatusInfo().getReasonPhrase())
                .orElse("The request was refused") + ".");
    }

    private static String detailOf(List<FieldError> errors) {
        return errors.size() == 1
                ? "The field '" + errors.get(0).field() + "' " + errors.get(0).message() + "."
                : errors.size() + " fields are invalid; see errors.";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
