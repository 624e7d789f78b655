package io.devicehub.session;

import io.devicehub.device.AuthenticatedDevice;
import io.devicehub.protocol.CloseReasons;
import io.devicehub.protocol.Outbound;
import io.devicehub.protocol.ResourceDescription;
import io.devicehub.vocabulary.CloseCodes;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An authenticated device's WebSocket session: what it declared, what is waiting for it, and what went over it.
 */
public final class LiveSession {

    private static final Logger LOG = Logger.getLogger(LiveSession.class.getName());

    /** Why a device that lets {@value SessionSettings#MAX_OUTBOX} messages wait is closed. */
    static final CloseReason TOO_SLOW = CloseReasons.of(CloseCodes.POLICY_VIOLATION, "not reading messages");

    private final Session socket;
    private final AuthenticatedDevice device;
    private final String remoteAddress;
    private final Traffic traffic;
    private final Outbox outbox;
    private final PendingCalls calls;
    private final ActivityHistory activity = new ActivityHistory();
    private volatile List<ResourceDescription> resources = List.of();
    /** The same resources by name: every call looks its resource up. */
    private volatile Map<String, ResourceDescription> byName = Map.of();
    private volatile long reportedMovement = -1;

    LiveSession(Session socket, AuthenticatedDevice device, String remoteAddress, Traffic traffic, Outbox outbox,
                int maxCallsInFlight) {
        this.socket = socket;
        this.device = device;
        this.remoteAddress = remoteAddress;
        this.traffic = traffic;
        this.outbox = outbox;
        this.calls = new PendingCalls(socket.getId().length() > 6 ? socket.getId().substring(0, 6) : socket.getId(),
                maxCallsInFlight);
    }

    public DeviceKey key() {
        return new DeviceKey(device.accountId(), device.identifier());
    }

    public AuthenticatedDevice device() {
        return device;
    }

    public List<ResourceDescription> resources() {
        return resources;
    }

    public Optional<ResourceDescription> resource(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public SessionStatistics statistics() {
        return traffic.snapshot(remoteAddress);
    }

    /** Traffic per second over the last minutes, oldest first. */
    public List<ActivitySample> activity() {
        return activity.samples(Instant.now());
    }

    void sampleActivity(Instant second) {
        activity.sample(second, statistics());
    }

    int pendingCalls() {
        return calls.size();
    }

    void describe(List<ResourceDescription> described) {
        Map<String, ResourceDescription> named = new HashMap<>();
        described.forEach(resource -> named.putIfAbsent(resource.name(), resource));
        this.byName = named;
        this.resources = described;
    }

    /** Sends a call and returns its answer to come; the caller's thread never waits for the device. */
    CompletionStage<CallResult> call(ResourceDescription resource, JsonValue input, Duration timeout,
                                     ScheduledExecutorService timer) {
        Optional<PendingCalls.Opened> opened = calls.open(resource, timeout, timer);
        if (opened.isEmpty()) {
            return CompletableFuture.failedFuture(new DeviceBusyException("Device " + device.identifier()
                    + " has " + pendingCalls() + " calls waiting for its answers, the most it may have; try again"
                    + " when it has answered some."));
        }
        traffic.called();
        String id = opened.get().id();
        if (!outbox.send(Outbound.call(id, resource.name(), input))) {
            calls.fail(id, new DeviceBusyException("The device is not reading its messages fast enough."));
            outbox.abort(TOO_SLOW);
        }
        return opened.get().answer();
    }

    PendingCalls.Answer answer(String id, JsonValue output) {
        return calls.answer(id, output);
    }

    boolean failCall(String id, String message) {
        return calls.fail(id, new DeviceCallFailedException(message));
    }

    /** Fails the call {@code id} because the device's answer to it broke the protocol. */
    boolean refuseAnswer(String id, String whatWasWrong) {
        return calls.fail(id, new InvalidAnswerException("The device's answer broke the protocol: " + whatWasWrong));
    }

    void endCalls(String why) {
        calls.failAll(new DeviceOfflineException(why));
    }

    boolean send(String text) {
        return outbox.send(text);
    }

    /** Whether traffic moved since the last time this answered {@code true}. */
    boolean movedSinceLastReport() {
        long movement = traffic.movement();
        if (movement == reportedMovement) {
            return false;
        }
        reportedMovement = movement;
        return true;
    }

    /** Ends the session with a protocol close code; the device is told why. */
    public void close(int code, String reason) {
        try {
            socket.close(CloseReasons.of(code, reason));
        } catch (IOException | IllegalStateException alreadyClosed) {
            LOG.log(Level.FINE, "closing an ended session", alreadyClosed);
        }
    }
}
