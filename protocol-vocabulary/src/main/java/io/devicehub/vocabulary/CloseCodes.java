package io.devicehub.vocabulary;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WebSocket close codes of the protocol (docs/protocol.md), and what a device does about each: most mean
 * "reconnect with backoff", three mean "stop, a person has to act". The server closes with these and the SDK reads
 * them; the WebSocket API for programs (docs/api-websocket.md) uses the same codes.
 */
public final class CloseCodes {

    public static final int NORMAL_CLOSURE = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int UNSUPPORTED_DATA = 1003;
    public static final int POLICY_VIOLATION = 1008;
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int SERVER_ERROR = 1011;
    public static final int TRY_AGAIN_LATER = 1013;
    public static final int AUTHENTICATION_FAILED = 4401;
    public static final int TIMED_OUT = 4408;
    public static final int REPLACED = 4409;
    public static final int REVOKED = 4410;
    public static final int TOO_MANY_REQUESTS = 4429;

    // The protocol does not fix the wording of the close reason: accept "retryAfter=8", "retry after 8 s", "8".
    private static final Pattern RETRY_AFTER = Pattern.compile("(?i)retry[ _-]?after\\D{0,10}?(\\d{1,6})");
    private static final Pattern ONLY_NUMBER = Pattern.compile("\\s*(\\d{1,6})\\s*");

    private CloseCodes() {
    }

    /**
     * Whether a close with this code ends the client for good: 4401 (authentication failed), 4409 (replaced by a
     * newer session of the same device) and 4410 (credentials rotated, device disabled or deleted). Retrying those
     * cannot help and, for 4409, would fight the other copy of the device.
     */
    public static boolean isFinal(int code) {
        return code == AUTHENTICATION_FAILED || code == REPLACED || code == REVOKED;
    }

    /** A short, lower-case description of a code, used when the server sent no close reason. */
    public static String describe(int code) {
        return switch (code) {
            case NORMAL_CLOSURE -> "normal closure";
            case GOING_AWAY -> "server shutting down";
            case UNSUPPORTED_DATA -> "binary frame refused";
            case POLICY_VIOLATION -> "not authenticated";
            case MESSAGE_TOO_BIG -> "frame too large";
            case SERVER_ERROR -> "unexpected server error";
            case TRY_AGAIN_LATER -> "server too busy";
            case AUTHENTICATION_FAILED -> "authentication failed";
            case TIMED_OUT -> "timed out";
            case REPLACED -> "replaced by a newer session";
            case REVOKED -> "credentials rotated, device disabled or deleted";
            case TOO_MANY_REQUESTS -> "too many attempts or messages";
            default -> "closed";
        };
    }

    /** The {@code retryAfter} seconds a 4429 close reason carries, if it carries any. */
    public static Optional<Duration> retryAfter(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        Matcher named = RETRY_AFTER.matcher(reason);
        if (named.find()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(named.group(1))));
        }
        Matcher plain = ONLY_NUMBER.matcher(reason);
        return plain.matches() ? Optional.of(Duration.ofSeconds(Long.parseLong(plain.group(1)))) : Optional.empty();
    }
}
