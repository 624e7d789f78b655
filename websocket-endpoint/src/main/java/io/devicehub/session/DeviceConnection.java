package io.devicehub.session;

import io.devicehub.credential.TooManyAttemptsException;
import io.devicehub.device.AuthenticatedDevice;
import io.devicehub.device.ConnectionChange;
import io.devicehub.device.ConnectionSummary;
import io.devicehub.protocol.CloseReasons;
import io.devicehub.protocol.Inbound;
import io.devicehub.protocol.InboundCodec;
import io.devicehub.protocol.Outbound;
import io.devicehub.protocol.ProtocolViolation;
import io.devicehub.vocabulary.CloseCodes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One device's WebSocket connection, from the opening handshake to the close: it reads each message, enforces the
 * protocol's order (authenticate first), limits and timeouts, and turns an authenticated connection into the
 * device's {@link LiveSession}. Bad input gets an error message or a documented close code; it never affects
 * another connection.
 */
final class DeviceConnection {

    private static final Logger LOG = Logger.getLogger(DeviceConnection.class.getName());

    private enum State { AWAITING_AUTH, AUTHENTICATING, ONLINE, CLOSING, CLOSED }

    private final Session socket;
    private final DeviceEndpoint hub;
    private final String remoteAddress;
    private final long openedAtMillis = System.currentTimeMillis();
    private final Traffic traffic = new Traffic();
    private final Outbox outbox;
    private final RateLimit rate;
    private State state = State.AWAITING_AUTH;
    private LiveSession live;

    DeviceConnection(Session socket, DeviceEndpoint hub, String remoteAddress) {
        this.socket = socket;
        this.hub = hub;
        this.remoteAddress = remoteAddress;
        this.outbox = new Outbox(socket, SessionSettings.MAX_OUTBOX, hub.timer(), traffic::sent);
        this.rate = new RateLimit(hub.settings().messagesPerSecond());
    }

    /** A whole text message of {@code utf8Bytes} (at most the frame limit, see {@link InboundText}). */
    void onText(String text, long utf8Bytes) {
        traffic.received(utf8Bytes);
        State now = state();
        if (now == State.CLOSING || now == State.CLOSED) {
            return;
        }
        Inbound message;
        try {
            message = InboundCodec.decode(text);
        } catch (ProtocolViolation violation) {
            if (now == State.ONLINE && refusedAnswer(violation)) {
                return;
            }
            if (withinRate()) {
                if (now == State.ONLINE) {
                    reply(violation.id() == null ? Outbound.error(violation.code(), violation.getMessage())
                            : Outbound.callError(violation.code(), violation.id(), violation.getMessage()));
                } else {
                    notAuthenticated();
                }
            }
            return;
        }
        // Answers to the server's own calls are never counted against the device: how often it is called is up
        // to its callers, bounded by the calls it may have in flight.
        if (now == State.ONLINE && answeredCall(message) || !withinRate()) {
            return;
        }
        switch (now) {
            case AWAITING_AUTH -> {
                if (message instanceof Inbound.Auth auth) {
                    authenticate(auth);
                } else {
                    notAuthenticated();
                }
            }
            case AUTHENTICATING -> notAuthenticated();
            case ONLINE -> handle(message);
            default -> { }
        }
    }

    void onBinary() {
        refuse(Outbound.error("malformed", "Messages must be text frames holding JSON."), CloseCodes.UNSUPPORTED_DATA,
                "text frames only");
    }

    /** A message over the frame limit (or in too many fragments): closed at once, whatever the state. */
    void tooBig(String reason) {
        close(CloseCodes.MESSAGE_TOO_BIG, reason);
    }

    /** The connection ended, whoever closed it: forget it everywhere and fail what still waited on it. */
    void onClose(CloseReason reason) {
        LiveSession ended;
        synchronized (this) {
            state = State.CLOSED;
            ended = live;
        }
        hub.sessions().closed(this);
        if (ended == null) {
            return;
        }
        hub.sessions().detach(ended);
        ended.endCalls("Device " + ended.device().identifier() + " disconnected.");
        SessionStatistics totals = ended.statistics();
        Instant at = Instant.now();
        String why = describe(reason);
        long deviceId = ended.device().deviceId();
        DeviceDisconnected disconnected = new DeviceDisconnected(ended.device().accountId(),
                ended.device().identifier(), at, reason.getCloseCode().getCode(), why, totals);
        // Announced once the summary is stored, so that a console reacting to it shows the last connection.
        hub.history().record(new ConnectionChange.Disconnected(deviceId, new ConnectionSummary(totals.connectedSince(),
                at, remoteAddress, why, totals.bytesReceived(), totals.bytesSent(), totals.messagesReceived(),
                totals.messagesSent(), totals.calls())), () -> hub.announce(disconnected));
    }

    /** The server is stopping: the device is told so (1001) and reconnects with its backoff. */
    void goingAway() {
        close(CloseCodes.GOING_AWAY, "server shutting down");
    }

    /** Called by the sweep: closes a connection that never authenticated, or an online one that fell silent. */
    void closeIfTimedOut(long nowMillis) {
        State now = state();
        if (now == State.AWAITING_AUTH && nowMillis - openedAtMillis > hub.settings().authTimeout().toMillis()) {
            refuse(Outbound.error("not-authenticated", "No 'auth' within "
                    + hub.settings().authTimeout().toSeconds() + " seconds."), CloseCodes.TIMED_OUT, "no auth in time");
        } else if (now == State.ONLINE
                && nowMillis - traffic.lastActivityMillis() > hub.settings().idleTimeout().toMillis()) {
            close(CloseCodes.TIMED_OUT, "silent for too long");
        }
    }

    private void authenticate(Inbound.Auth auth) {
        setState(State.AUTHENTICATING);
        hub.login().authenticate(auth, remoteAddress).whenComplete((device, failure) -> {
            if (failure == null) {
                goOnline(device);
            } else {
                refuseLogin(failure instanceof CompletionException ? failure.getCause() : failure);
            }
        });
    }

    private void refuseLogin(Throwable failure) {
        if (failure instanceof DeviceLogin.Rejected) {
            refuse(Outbound.error("unauthorized", "Authentication failed."), CloseCodes.AUTHENTICATION_FAILED,
                    "authentication failed");
        } else if (failure instanceof TooManyAttemptsException blocked) {
            long seconds = blocked.retryAfterSeconds();
            refuse(Outbound.tooManyAttempts(blocked.getMessage(), seconds), CloseCodes.TOO_MANY_REQUESTS,
                    "too many attempts, retry after " + seconds + " s");
        } else if (failure instanceof DeviceLogin.Busy) {
            close(CloseCodes.TRY_AGAIN_LATER, "server busy, try again later");
        } else {
            LOG.log(Level.WARNING, "Device authentication failed unexpectedly", failure);
            close(CloseCodes.SERVER_ERROR, "server error");
        }
    }

    private void goOnline(AuthenticatedDevice device) {
        LiveSession session = new LiveSession(socket, device, remoteAddress, traffic, outbox,
                hub.settings().maxCallsInFlight());
        synchronized (this) {
            if (state != State.AUTHENTICATING) {
                return; // closed while its credentials were being checked
            }
            live = session;
            state = State.ONLINE;
        }
        Instant since = traffic.markOnline();
        hub.sessions().attach(session).ifPresent(older -> older.close(CloseCodes.REPLACED,
                "replaced by a newer session"));
        hub.history().record(new ConnectionChange.Connected(device.deviceId(), since, remoteAddress));
        reply(Outbound.welcome(device.identifier(), hub.settings().heartbeatSeconds(), hub.settings().maxFrameBytes()));
        hub.announce(new DeviceConnected(device.accountId(), device.identifier(), since, remoteAddress));
        if (state() == State.CLOSED) {
            hub.sessions().detach(session); // closed while going online: do not leave it behind
        }
    }

    /** @return whether {@code message} ended one of this session's calls, well or badly */
    private boolean answeredCall(Inbound message) {
        if (message instanceof Inbound.Result result) {
            PendingCalls.Answer answer = live.answer(result.id(), result.output());
            if (answer == PendingCalls.Answer.REFUSED) {
                reply(Outbound.callError("invalid-result", result.id(), "A result for an output or input/output"
                        + " resource needs 'output'; the call failed."));
            }
            return answer != PendingCalls.Answer.UNKNOWN;
        }
        return message instanceof Inbound.CallFailed failed && live.failCall(failed.id(), failed.message());
    }

    /** An unreadable answer to a waiting call fails that call now, rather than at its timeout. */
    private boolean refusedAnswer(ProtocolViolation violation) {
        String id = violation.id();
        if (id == null || !live.refuseAnswer(id, violation.getMessage())) {
            return false;
        }
        reply(Outbound.callError(violation.code(), id, violation.getMessage() + " The call failed."));
        return true;
    }

    private boolean withinRate() {
        if (rate.tryAcquire()) {
            return true;
        }
        refuse(Outbound.error("rate-limited", "More than " + hub.settings().messagesPerSecond()
                + " messages per second."), CloseCodes.TOO_MANY_REQUESTS, "too many messages");
        return false;
    }

    /** Every message of an online device but the answers {@link #answeredCall} took. */
    private void handle(Inbound message) {
        if (message instanceof Inbound.Describe describe) {
            live.describe(describe.resources());
            reply(Outbound.described(describe.resources().size()));
        } else if (message instanceof Inbound.Result result) {
            unknownCall(result.id());
        } else if (message instanceof Inbound.CallFailed failed) {
            unknownCall(failed.id());
        } else if (message instanceof Inbound.Data data) {
            store(data);
        } else if (message instanceof Inbound.Ping) {
            reply(Outbound.pong());
        } else {
            reply(Outbound.error("already-authenticated", "This session is already authenticated."));
        }
    }

    /**
     * Hands a record to the bucket writer. A data message with an id is answered once its record is committed (or
     * with why it was not stored); one without is answered only when the device should slow down.
     */
    private void store(Inbound.Data data) {
        Long ts = data.timestamp() == null ? null : data.timestamp().toEpochMilli();
        hub.buckets().submit(live.device().accountId(), data.bucket(), live.device().identifier(), ts, data.value())
                .whenComplete((stored, failure) -> {
                    if (failure == null) {
                        long accountId = live.device().accountId();
                        if (hub.storedData().wanted(accountId)) {
                            hub.storedData().stored(new StoredData.Record(accountId, live.device().identifier(),
                                    data.bucket(), Instant.ofEpochMilli(stored), data.value()));
                        }
                        if (data.id() != null) {
                            reply(Outbound.stored(data.id(), Instant.ofEpochMilli(stored).toString()));
                        }
                    } else {
                        StoreRefusal.of(failure).answer(data.id()).ifPresent(this::reply);
                    }
                });
    }

    private void unknownCall(String id) {
        reply(Outbound.callError("unknown-call", id, "No call '" + id + "' is waiting; it may have timed out."));
    }

    private void notAuthenticated() {
        refuse(Outbound.error("not-authenticated", "Send 'auth' and wait for 'welcome' before anything else."),
                CloseCodes.POLICY_VIOLATION, "authenticate first");
    }

    private void reply(String text) {
        if (!outbox.send(text) && setState(State.CLOSING)) {
            outbox.abort(LiveSession.TOO_SLOW);
        }
    }

    /** Sends a last error message, then closes. */
    private void refuse(String error, int code, String reason) {
        if (setState(State.CLOSING)) {
            outbox.sendAndClose(error, CloseReasons.of(code, reason));
        }
    }

    private void close(int code, String reason) {
        if (setState(State.CLOSING)) {
            outbox.sendAndClose(null, CloseReasons.of(code, reason));
        }
    }

    private synchronized State state() {
        return state;
    }

    /** @return {@code false} when the connection is already closing */
    private synchronized boolean setState(State next) {
        if (state == State.CLOSING || state == State.CLOSED) {
            return false;
        }
        state = next;
        return true;
    }

    private static String describe(CloseReason reason) {
        String phrase = reason.getReasonPhrase();
        return reason.getCloseCode().getCode() + (phrase == null || phrase.isBlank() ? "" : " " + phrase);
    }
}
