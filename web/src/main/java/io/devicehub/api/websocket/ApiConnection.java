package io.devicehub.api.websocket;

import io.devicehub.api.json.JsonInput;
import io.devicehub.api.problem.Problem;
import io.devicehub.api.problem.ProblemMapper;
import io.devicehub.api.problem.ProblemType;
import io.devicehub.api.security.ApiCaller;
import io.devicehub.api.security.BearerOrFormAuthentication;
import io.devicehub.api.security.NotAuthenticatedException;
import io.devicehub.api.security.TokenRestrictedException;
import io.devicehub.common.InvalidInputException;
import io.devicehub.common.InvalidJsonException;
import io.devicehub.common.StrictJson;
import io.devicehub.credential.TooManyAttemptsException;
import io.devicehub.device.DeviceIdentifier;
import io.devicehub.protocol.CloseReasons;
import io.devicehub.session.CallTimeout;
import io.devicehub.session.Outbox;
import io.devicehub.session.SessionStatistics;
import io.devicehub.session.StoredData;
import io.devicehub.token.InvalidTokenException;
import io.devicehub.token.Scope;
import io.devicehub.vocabulary.CloseCodes;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One program's socket on the WebSocket API: its authentication (the upgrade's {@code Authorization} header, or a
 * first {@code auth} message within {@value #AUTH_TIMEOUT_SECONDS} s), its calls in flight (at most
 * {@value #MAX_IN_FLIGHT}, each known by the program's id), and its subscriptions. Every message is answered on
 * the socket it came from; nothing a program sends can affect another socket or a device beyond the calls it
 * makes. The token is checked again for each call and subscription (from the token cache, as every REST request
 * is), so a revoked or expired token ends the socket at its next message, or within {@link ApiSubscriptions}'s
 * sweep for a socket that only listens.
 */
final class ApiConnection {

    /** Calls one socket may have waiting for their devices. */
    static final int MAX_IN_FLIGHT = 256;

    /** Subscriptions one socket may hold. */
    static final int MAX_SUBSCRIPTIONS = 16;

    /** Messages waiting to be written to the program before it counts as too slow and is dropped. */
    static final int MAX_OUTBOX = 1_000;

    static final int AUTH_TIMEOUT_SECONDS = 10;

    /** The longest id or subscription id a program may use. */
    static final int MAX_ID_LENGTH = 64;

    /** The most devices one subscription may name. */
    static final int MAX_SUBSCRIBED_DEVICES = 1_000;

    static final Set<String> EVENTS = Set.of("connected", "disconnected", "statistics", "data");

    /** What a subscription asked for; {@code devices} {@code null} for all of the account's. */
    record Subscription(String id, Set<String> events, Set<String> devices) {

        boolean wants(String event, String device) {
            return events.contains(event) && (devices == null || devices.contains(device));
        }
    }

    private final Session socket;
    private final ApiEndpoint endpoint;
    private final String remoteAddress;
    private final Outbox outbox;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile String token;
    private volatile ApiCaller caller;
    private volatile boolean closing;
    private ScheduledFuture<?> authTimeout;

    ApiConnection(Session socket, ApiEndpoint endpoint, String remoteAddress) {
        this.socket = socket;
        this.endpoint = endpoint;
        this.remoteAddress = remoteAddress;
        this.outbox = new Outbox(socket, MAX_OUTBOX, endpoint.timer(), text -> { });
    }

    /** The socket opened: authenticated by its upgrade's header, or given time for an {@code auth} message. */
    void open(List<String> authorization) {
        if (authorization.isEmpty()) {
            authTimeout = endpoint.timer().schedule(() -> {
                if (caller == null) {
                    refuse(Problem.of(ProblemType.NOT_AUTHENTICATED, "No auth message within "
                            + AUTH_TIMEOUT_SECONDS + " seconds."), CloseCodes.TIMED_OUT, "no auth within "
                            + AUTH_TIMEOUT_SECONDS + " seconds");
                }
            }, AUTH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return;
        }
        try {
            authenticate(BearerOrFormAuthentication.bearerToken(authorization));
        } catch (RuntimeException refused) {
            refuse(refused);
        }
    }

    void onText(String text) {
        if (closing) {
            return;
        }
        JsonObject message;
        String type;
        try {
            JsonValue value = StrictJson.parse(text);
            if (!(value instanceof JsonObject object) || !(object.get("type") instanceof JsonString kind)) {
                send(ApiMessages.error(null, Problem.of(ProblemType.INVALID_INPUT, "A message is a JSON object "
                        + "with a string type: auth, call, subscribe, unsubscribe or ping.")));
                return;
            }
            message = object;
            type = kind.getString();
        } catch (InvalidJsonException invalid) {
            send(ApiMessages.error(null, Problem.of(ProblemType.MALFORMED_JSON, "The message is not valid JSON: "
                    + invalid.getMessage())));
            return;
        }
        if (caller == null) {
            if ("auth".equals(type) && message.get("token") instanceof JsonString secret) {
                try {
                    authenticate(secret.getString());
                } catch (RuntimeException refused) {
                    refuse(refused);
                }
            } else {
                refuse(Problem.of(ProblemType.NOT_AUTHENTICATED, "Authenticate first: an Authorization header on "
                        + "the upgrade, or {\"type\": \"auth\", \"token\": \"…\"} as the first message."),
                        CloseCodes.AUTHENTICATION_FAILED, "authenticate first");
            }
            return;
        }
        String id = message.get("id") instanceof JsonString given ? given.getString() : null;
        try {
            ApiCaller me = recheck();
            switch (type) {
                case "call" -> call(me, message);
                case "subscribe" -> subscribe(me, message);
                case "unsubscribe" -> unsubscribe(message);
                case "ping" -> send(ApiMessages.pong(id));
                case "auth" -> send(ApiMessages.error(id, Problem.of(ProblemType.INVALID_INPUT, "This socket is "
                        + "authenticated already.")));
                default -> send(ApiMessages.error(id, Problem.of(ProblemType.INVALID_INPUT, "Unknown type '" + type
                        + "': a message is auth, call, subscribe, unsubscribe or ping.")));
            }
        } catch (InvalidTokenException | NotAuthenticatedException expired) {
            refuse(expired);
        } catch (RuntimeException refused) {
            send(ApiMessages.error(id, ProblemMapper.problemOf(refused)));
        }
    }

    void onBinary() {
        refuse(Problem.of(ProblemType.INVALID_INPUT, "The WebSocket API takes text messages (JSON) only."),
                CloseCodes.UNSUPPORTED_DATA, "text messages only");
    }

    void onClose() {
        closing = true;
        if (authTimeout != null) {
            authTimeout.cancel(false);
        }
        endpoint.subscriptions().remove(this);
    }

    private void authenticate(String secret) {
        ApiCaller found = endpoint.authentication().authenticate(secret, remoteAddress);
        token = secret;
        caller = found;
        if (authTimeout != null) {
            authTimeout.cancel(false);
        }
        send(ApiMessages.welcome(found, MAX_IN_FLIGHT));
    }

    /** The caller as the token says now: revoked and expired tokens end here. */
    private ApiCaller recheck() {
        ApiCaller now = endpoint.authentication().authenticate(token, remoteAddress);
        caller = now;
        return now;
    }

    /** Called by {@link ApiSubscriptions}' sweep for sockets that only listen. */
    void recheckOrClose() {
        if (caller == null || closing) {
            return;
        }
        try {
            recheck();
        } catch (RuntimeException refused) {
            refuse(refused);
        }
    }

    private void call(ApiCaller me, JsonObject message) {
        JsonInput in = JsonInput.of(message, "type", "id", "device", "resource", "input", "timeout");
        String id = id(in, "id");
        String device = in.string("device");
        String resource = in.string("resource");
        if (device == null) {
            in.error("device", "is required: the identifier of the device to call");
        }
        if (resource == null || resource.isBlank()) {
            in.error("resource", "is required: the name of the resource to call");
        }
        Duration timeout = null;
        try {
            timeout = CallTimeout.of(in.value("timeout"));
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(error -> in.error(error.field(), error.message()));
        }
        in.check();
        me.requireAnyScope(Scope.RESOURCES_CALL);
        me.requireResource(device, resource);
        if (!inFlight.add(id)) {
            throw new InvalidInputException("id", "is the id of a call still in flight on this socket");
        }
        if (calls.incrementAndGet() > MAX_IN_FLIGHT) {
            calls.decrementAndGet();
            inFlight.remove(id);
            send(ApiMessages.error(id, Problem.of(ProblemType.TOO_MANY_CALLS, MAX_IN_FLIGHT + " calls are in flight "
                    + "on this socket, the most it may have; wait for answers before sending more.")));
            return;
        }
        JsonValue input = in.has("input") ? in.value("input") : null;
        endpoint.calls().call(me.accountId(), device, resource, input, timeout).whenComplete((result, failure) -> {
            inFlight.remove(id);
            calls.decrementAndGet();
            send(failure == null ? ApiMessages.result(id, device, resource, result)
                    : ApiMessages.error(id, ProblemMapper.problemOf(failure)));
        });
    }

    private void subscribe(ApiCaller me, JsonObject message) {
        JsonInput in = JsonInput.of(message, "type", "id", "events", "devices");
        String id = id(in, "id");
        List<String> events = in.strings("events");
        if (events == null || events.isEmpty()) {
            in.error("events", "is required: one or more of connected, disconnected, statistics, data");
        } else {
            events.stream().filter(event -> !EVENTS.contains(event)).findFirst().ifPresent(unknown ->
                    in.error("events", "has '" + unknown + "'; events are connected, disconnected, statistics "
                            + "and data"));
        }
        List<String> devices = in.strings("devices");
        if (devices != null && (devices.isEmpty() || devices.size() > MAX_SUBSCRIBED_DEVICES
                || devices.stream().anyMatch(device -> !device.matches(DeviceIdentifier.PATTERN)))) {
            in.error("devices", "must be 1 to " + MAX_SUBSCRIBED_DEVICES + " device identifiers, or left out for all"
                    + " devices");
        }
        in.check();
        me.requireAnyScope(Scope.DEVICES_READ);
        Set<String> watched = devices == null ? null : new LinkedHashSet<>(devices);
        if (me.token().device() != null) {
            if (watched != null && watched.stream().anyMatch(device -> !me.allowsDevice(device))) {
                throw new TokenRestrictedException("This token is limited to the device '" + me.token().device()
                        + "'.");
            }
            watched = Set.of(me.token().device());
        }
        if (subscriptions.containsKey(id)) {
            throw new InvalidInputException("id", "is the id of a subscription of this socket already");
        }
        if (subscriptions.size() >= MAX_SUBSCRIPTIONS) {
            throw new InvalidInputException("id", "would be a subscription too many: a socket holds at most "
                    + MAX_SUBSCRIPTIONS);
        }
        Subscription subscription = new Subscription(id, Set.copyOf(events), watched);
        subscriptions.put(id, subscription);
        endpoint.subscriptions().add(me.accountId(), this);
        send(ApiMessages.subscribed(id, events, watched));
    }

    private void unsubscribe(JsonObject message) {
        JsonInput in = JsonInput.of(message, "type", "id");
        String id = id(in, "id");
        in.check();
        if (subscriptions.remove(id) == null) {
            throw new InvalidInputException("id", "is not a subscription of this socket");
        }
        send(ApiMessages.unsubscribed(id));
    }

    /** Pushes an event to every subscription of this socket that wants it; on the thread that saw it. */
    void push(String event, String device, Instant at, SessionStatistics statistics, Integer closeCode,
              String reason) {
        ApiCaller me = caller;
        if (closing || me == null || !me.allowsDevice(device)) {
            return;
        }
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.wants(event, device)) {
                send(ApiMessages.event(subscription.id(), event, device, at, statistics, closeCode, reason));
            }
        }
    }

    /** Pushes a stored record to every subscription of this socket that wants {@code data} of its device. */
    void push(StoredData.Record record) {
        ApiCaller me = caller;
        if (closing || me == null || !me.allowsDevice(record.device())) {
            return;
        }
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.wants("data", record.device())) {
                send(ApiMessages.data(subscription.id(), record));
            }
        }
    }

    private String id(JsonInput in, String member) {
        String id = in.string(member);
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            in.error(member, "is required: a string of 1 to " + MAX_ID_LENGTH + " characters that the answer repeats");
        }
        return id;
    }

    private void send(String text) {
        if (!outbox.send(text) && !closing) {
            closing = true;
            endpoint.subscriptions().remove(this);
            outbox.abort(CloseReasons.of(CloseCodes.POLICY_VIOLATION, "too slow: " + MAX_OUTBOX
                    + " messages waiting"));
        }
    }

    private void refuse(Throwable failure) {
        Problem problem = ProblemMapper.problemOf(failure instanceof InvalidTokenException invalid
                ? NotAuthenticatedException.refused(invalid) : failure);
        if (failure instanceof TooManyAttemptsException blocked) {
            refuse(problem, CloseCodes.TOO_MANY_REQUESTS, "too many attempts, retry after " + blocked.retryAfter().toSeconds()
                    + " s");
        } else {
            refuse(problem, CloseCodes.AUTHENTICATION_FAILED, "not authenticated");
        }
    }

    /** Sends the problem, then closes; nothing the program sends afterwards is read. */
    private void refuse(Problem problem, int code, String reason) {
        if (!closing) {
            closing = true;
            endpoint.subscriptions().remove(this);
            outbox.sendAndClose(ApiMessages.error(null, problem), CloseReasons.of(code, reason));
        }
    }
}
