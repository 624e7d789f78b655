package io.devicehub.client;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a {@link DeviceClient} stands: {@link Status#CONNECTING}, {@link Status#ONLINE} (welcomed, description
 * sent), {@link Status#OFFLINE} (waiting to reconnect, with the reason and the delay) or {@link Status#STOPPED} (for
 * good, with the close code and reason). A client that was not started yet is offline with no retry.
 *
 * <p>{@link #toString()} gives one readable line, e.g. {@code STOPPED 4401 authentication failed}.
 */
public final class ConnectionState {

    /** The coarse state, convenient for a {@code switch}. */
    public enum Status {
        CONNECTING, ONLINE, OFFLINE, STOPPED
    }

    static final ConnectionState NOT_STARTED = new ConnectionState(Status.OFFLINE, "not started", null, null);
    static final ConnectionState CONNECTING = new ConnectionState(Status.CONNECTING, "", null, null);
    static final ConnectionState ONLINE = new ConnectionState(Status.ONLINE, "", null, null);

    private final Status status;
    private final String reason;
    private final Integer closeCode;
    private final Duration retryIn;

    private ConnectionState(Status status, String reason, Integer closeCode, Duration retryIn) {
        this.status = status;
        this.reason = Objects.requireNonNull(reason);
        this.closeCode = closeCode;
        this.retryIn = retryIn;
    }

    static ConnectionState offline(String reason, OptionalInt closeCode, Duration retryIn) {
        return new ConnectionState(Status.OFFLINE, reason, closeCode.isPresent() ? closeCode.getAsInt() : null,
                Objects.requireNonNull(retryIn));
    }

    static ConnectionState stopped(int closeCode, String reason) {
        return new ConnectionState(Status.STOPPED, reason, closeCode, null);
    }

    /** The coarse state. */
    public Status status() {
        return status;
    }

    /** Whether the client is authenticated and has sent its description, so calls arrive and pushes go out. */
    public boolean isOnline() {
        return status == Status.ONLINE;
    }

    /** Whether the client has stopped for good; it never connects again. */
    public boolean isStopped() {
        return status == Status.STOPPED;
    }

    /** Why the client is offline or stopped; empty while connecting or online. */
    public String reason() {
        return reason;
    }

    /** The WebSocket close code that led here, if a connection was closed rather than failed. */
    public OptionalInt closeCode() {
        return closeCode == null ? OptionalInt.empty() : OptionalInt.of(closeCode);
    }

    /** While offline: how long the client waits before it connects again. */
    public Optional<Duration> retryIn() {
        return Optional.ofNullable(retryIn);
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(status.name());
        if (closeCode != null) {
            line.append(' ').append(closeCode);
        }
        if (!reason.isEmpty()) {
            line.append(' ').append(reason);
        }
        if (retryIn != null) {
            line.append(String.format(Locale.ROOT, " (retry in %.1f s)", retryIn.toMillis() / 1000.0));
        }
        return line.toString();
    }
}
