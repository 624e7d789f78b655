package io.devicehub.session;

import io.devicehub.common.InvalidInputException;
import io.devicehub.device.DeviceNotFoundException;
import io.devicehub.device.Devices;
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
 * (console, REST API, server code) and the one owner of a call's rules: the timeout's default and bounds
 * ({@link CallTimeout}), whether the resource exists, whether an input is given to the kind that takes one, and an
 * offline device told from one the account does not have. The callers only translate the outcome. No thread waits
 * for the device: the stage completes when the answer arrives, when the device reports an error, when the timeout
 * passes, or at once when the device disconnects.
 * <p>
 * The stage fails with {@link DeviceNotFoundException} (no such device in this account: another account's device is
 * not found either), {@link DeviceOfflineException}, {@link UnknownResourceException},
 * {@link InputMismatchException} (an input for a kind that takes none, or none for one that needs it),
 * {@link InvalidInputException} (a bad timeout), {@link DeviceCallFailedException}, {@link CallTimeoutException},
 * {@link InvalidAnswerException} or {@link DeviceBusyException}.
 */
@ApplicationScoped
public class ResourceCalls {

    @Inject
    LiveSessions sessions;

    @Inject
    Devices devices;

    @Inject
    SessionSettings settings;

    @Inject
    SessionClock clock;

    /**
     * @param input   the input for {@code input} and {@code input/output} resources; {@code null} for the others
     * @param timeout how long to wait for the device, at most {@link CallTimeout#MAX}; {@code null} for the default
     */
    public CompletionStage<CallResult> call(long accountId, String identifier, String resource, JsonValue input,
                                            Duration timeout) {
        try {
            Duration wait = CallTimeout.check(timeout);
            LiveSession session = online(accountId, identifier);
            ResourceDescription target = describedResource(session, identifier, resource);
            if (target.kind().takesInput() != (input != null)) {
                throw new InputMismatchException(target);
            }
            return session.call(target, input,
                    wait == null ? settings.defaultCallTimeout() : wait, clock.timer());
        } catch (InvalidInputException | DeviceNotFoundException | DeviceOfflineException
                 | UnknownResourceException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    /**
     * Calls a resource to sample its output: an {@code output} resource as it is, an {@code input/output} resource
     * with the input {@code null}. Fails as {@link #call} does, and with {@link UnknownResourceException} for an
     * {@code input} or {@code run} resource, which give nothing to sample.
     */
    public CompletionStage<CallResult> sample(long accountId, String identifier, String resource, Duration timeout) {
        Optional<ResourceDescription> described = sessions.find(accountId, identifier)
                .flatMap(session -> session.resource(resource));
        if (described.isPresent() && !described.get().kind().producesOutput()) {
            return CompletableFuture.failedFuture(new UnknownResourceException("Resource '" + resource
                    + "' of device " + identifier + " is " + described.get().kind().withArticle()
                    + " resource; it has no output to sample."));
        }
        JsonValue input = described.isPresent() && described.get().kind().takesInput() ? JsonValue.NULL : null;
        return call(accountId, identifier, resource, input, timeout);
    }

    /**
     * The device's live session, found in memory without touching the database; only for a device that is not
     * online does the registry tell "offline" from "no such device in this account".
     *
     * @throws DeviceOfflineException  when the account has the device but it is not connected
     * @throws DeviceNotFoundException when the account has no such device
     */
    public LiveSession online(long accountId, String identifier) {
        return sessions.find(accountId, identifier).orElseThrow(() -> devices.find(accountId, identifier).isEmpty()
                ? new DeviceNotFoundException(identifier)
                : new DeviceOfflineException("Device " + identifier + " is offline."));
    }

    private static ResourceDescription describedResource(LiveSession session, String identifier, String resource) {
        return session.resource(resource).orElseThrow(() -> new UnknownResourceException("Device " + identifier
                + " has no resource '" + resource + "'."));
    }
}
