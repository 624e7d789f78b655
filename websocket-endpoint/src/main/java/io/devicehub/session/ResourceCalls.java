package io.devicehub.session;

import io.devicehub.common.InvalidInputException;
import io.devicehub.protocol.ResourceDescription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Calls a resource of an account's device and returns the device's answer to come. The one entry for every caller
 * (console, REST API, server code). No thread waits for the device: the stage completes when the answer arrives,
 * when the device reports an error, when the timeout passes, or at once when the device disconnects.
 * <p>
 * The stage fails with {@link DeviceOfflineException}, {@link UnknownResourceException},
 * {@link InvalidInputException} (the input does not fit the resource's kind, or a bad timeout),
 * {@link DeviceCallFailedException}, {@link CallTimeoutException} or {@link DeviceBusyException}. A device of another
 * account is simply not online for this account.
 */
@ApplicationScoped
public class ResourceCalls {

    @Inject
    LiveSessions sessions;

    @Inject
    SessionSettings settings;

    @Inject
    SessionClock clock;

    /**
     * @param input   the input for {@code input} and {@code input/output} resources; {@code null} for the others
     * @param timeout how long to wait for the device, at most 60 s; {@code null} for the default (10 s)
     */
    public CompletionStage<CallResult> call(long accountId, String identifier, String resource, JsonValue input,
                                            Duration timeout) {
        Duration wait = timeout == null ? settings.defaultCallTimeout() : timeout;
        if (wait.isNegative() || wait.isZero() || wait.compareTo(SessionSettings.MAX_CALL_TIMEOUT) > 0) {
            return failed(new InvalidInputException("timeout", "must be more than 0 and at most "
                    + SessionSettings.MAX_CALL_TIMEOUT.toSeconds() + " seconds"));
        }
        Optional<LiveSession> session = sessions.find(accountId, identifier);
        if (session.isEmpty()) {
            return failed(new DeviceOfflineException("Device " + identifier + " is offline."));
        }
        Optional<ResourceDescription> described = session.get().resource(resource);
        if (described.isEmpty()) {
            return failed(new UnknownResourceException("Device " + identifier + " has no resource '" + resource
                    + "'."));
        }
        ResourceDescription target = described.get();
        if (target.kind().takesInput() && input == null) {
            return failed(new InvalidInputException("input", "is required: '" + resource + "' is "
                    + target.kind().withArticle() + " resource"));
        }
        if (!target.kind().takesInput() && input != null) {
            return failed(new InvalidInputException("input", "is not accepted: '" + resource + "' is "
                    + target.kind().withArticle() + " resource"));
        }
        return session.get().call(target, input, wait, clock.timer());
    }

    /**
     * Calls a resource to sample its output: an {@code output} resource as it is, an {@code input/output} resource
     * with the input {@code null}. Fails as {@link #call} does, and with {@link UnknownResourceException} for an
     * {@code input} or {@code run} resource, which give nothing to sample.
     */
    public CompletionStage<CallResult> sample(long accountId, String identifier, String resource, Duration timeout) {
        Optional<LiveSession> session = sessions.find(accountId, identifier);
        if (session.isEmpty()) {
            return failed(new DeviceOfflineException("Device " + identifier + " is offline."));
        }
        Optional<ResourceDescription> described = session.get().resource(resource);
        if (described.isPresent() && !described.get().kind().producesOutput()) {
            return failed(new UnknownResourceException("Resource '" + resource + "' of device " + identifier
                    + " is " + described.get().kind().withArticle() + " resource; it has no output to sample."));
        }
        JsonValue input = described.isPresent() && described.get().kind().takesInput() ? JsonValue.NULL : null;
        return call(accountId, identifier, resource, input, timeout);
    }

    private static CompletionStage<CallResult> failed(RuntimeException failure) {
        return CompletableFuture.failedFuture(failure);
    }
}
