package io.devicehub.api.problem;

import io.devicehub.common.AlreadyRegisteredException;
import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import io.devicehub.credential.TooManyAttemptsException;
import io.devicehub.device.DeviceNotFoundException;
import io.devicehub.session.CallTimeoutException;
import io.devicehub.session.DeviceBusyException;
import io.devicehub.session.DeviceCallFailedException;
import io.devicehub.session.DeviceOfflineException;
import io.devicehub.session.InvalidAnswerException;
import io.devicehub.session.UnknownResourceException;
import io.devicehub.token.InvalidCredentialsException;
import io.devicehub.token.TokenNotFoundException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonObject;
import jakarta.persistence.OptimisticLockException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which problem each failure becomes: the table clients rely on. */
class ProblemsTest {

    @Test
    void everyTypedFailureHasItsOwnTypeAndStatus() {
        assertProblem(new InvalidInputException("identifier", "must be short"), 400, "invalid-input");
        assertProblem(new AlreadyRegisteredException("identifier", "taken"), 409, "already-exists");
        assertProblem(new DeviceNotFoundException("x"), 404, "device-not-found");
        assertProblem(new TokenNotFoundException("7"), 404, "token-not-found");
        assertProblem(new UnknownResourceException("no fan"), 404, "unknown-resource");
        assertProblem(new InvalidCredentialsException(), 401, "invalid-credentials");
        assertProblem(new TooManyAttemptsException(Duration.ofSeconds(3)), 429, "too-many-attempts");
        assertProblem(new DeviceOfflineException("offline"), 503, "device-offline");
        assertProblem(new DeviceBusyException("busy"), 503, "device-busy");
        assertProblem(new CallTimeoutException("slow"), 504, "device-timeout");
        assertProblem(new DeviceCallFailedException("sensor unplugged"), 502, "device-error");
        assertProblem(new InvalidAnswerException("no output"), 502, "invalid-answer");
    }

    @Test
    void typeUrisAreStableAndUnique() {
        assertEquals("urn:devicehub:problem:device-offline", ProblemType.DEVICE_OFFLINE.uri());
        Set<String> uris = Arrays.stream(ProblemType.values()).map(ProblemType::uri).collect(Collectors.toSet());
        assertEquals(ProblemType.values().length, uris.size());
        assertTrue(uris.stream().allMatch(uri -> uri.matches("urn:devicehub:problem:[a-z-]+")), uris.toString());
    }

    @Test
    void invalidInputListsEveryFieldAndSaysWhichWhenThereIsOne() {
        Problem several = problem(new InvalidInputException(List.of(new FieldError("identifier", "must be short"),
                new FieldError("credential", "is required"))));
        JsonObject json = several.toJson();
        assertEquals(2, json.getJsonArray("errors").size());
        assertEquals("identifier", json.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("must be short", json.getJsonArray("errors").getJsonObject(0).getString("message"));
        assertEquals("2 fields are invalid; see errors.", json.getString("detail"));

        Problem one = problem(new InvalidInputException("timeout", "must be more than 0"));
        assertEquals("The field 'timeout' must be more than 0.", one.detail());
    }

    @Test
    void aDuplicateNamesTheTakenField() {
        Problem taken = problem(new AlreadyRegisteredException("identifier", "You already have a device with this "
                + "identifier."));
        assertEquals(List.of(new FieldError("identifier", "You already have a device with this identifier.")),
                taken.errors());
    }

    @Test
    void throttlingSaysWhenToComeBackInWholeSeconds() {
        Problem blocked = problem(new TooManyAttemptsException(Duration.ofMillis(2100)));
        assertEquals("3", blocked.headers().get("Retry-After"));
        assertEquals(3, blocked.toJson().getInt("retryAfter"));
        Problem almost = problem(new TooManyAttemptsException(Duration.ofMillis(10)));
        assertEquals("1", almost.headers().get("Retry-After"), "never 0, which would mean 'now'");
    }

    @Test
    void aWrongPasswordChallengesForABearerToken() {
        assertEquals("Bearer realm=\"DeviceHub\"",
                problem(new InvalidCredentialsException()).headers().get("WWW-Authenticate"));
    }

    @Test
    void theDevicesOwnErrorMessageIsPassedOn() {
        assertEquals("The device answered with an error: sensor unplugged",
                problem(new DeviceCallFailedException("sensor unplugged")).detail());
    }

    @Test
    void failuresOfAsynchronousCallsAreUnwrapped() {
        assertProblem(new CompletionException(new CallTimeoutException("slow")), 504, "device-timeout");
    }

    @Test
    void aConcurrentUpdateIsAConflictNotAServerError() {
        assertProblem(new EJBException(new OptimisticLockException("row changed")), 409, "concurrent-update");
    }

    @Test
    void anythingElseIsUnexpectedAndTheAnswerRevealsNothingOfIt() {
        assertEquals(Optional.empty(), Problems.of(new IllegalStateException("connection pool exhausted at db:3306")));
        assertEquals(Optional.empty(), Problems.of(new EJBException("boom")));

        JsonObject json = Problems.unexpected("1234").toJson();
        assertEquals(500, json.getInt("status"));
        assertEquals("urn:devicehub:problem:internal-error", json.getString("type"));
        assertEquals("urn:uuid:1234", json.getString("instance"));
        assertFalse(json.toString().contains("db:3306"));
    }

    @Test
    void theJsonHasTheRfc9457MembersAndNoEmptyExtras() {
        JsonObject json = problem(new DeviceOfflineException("Device d is offline.")).toJson();
        assertEquals(List.of("type", "title", "status", "detail"), List.copyOf(json.keySet()));
        assertEquals("The device is offline", json.getString("title"));
        assertEquals("Device d is offline.", json.getString("detail"));
    }

    private static void assertProblem(Throwable failure, int status, String slug) {
        Problem problem = problem(failure);
        assertEquals(status, problem.status(), failure.toString());
        assertEquals(ProblemType.URI_PREFIX + slug, problem.type(), failure.toString());
        assertEquals(status, problem.toJson().getInt("status"));
    }

    private static Problem problem(Throwable failure) {
        return Problems.of(failure).orElseThrow(() -> new AssertionError("no problem for " + failure));
    }
}
