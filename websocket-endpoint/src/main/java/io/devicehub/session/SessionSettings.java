package io.devicehub.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The limits of device sessions, from MicroProfile Config (defaults as in docs/protocol.md). */
@ApplicationScoped
public class SessionSettings {

    @Inject
    @ConfigProperty(name = "devicehub.ws.max-frame-bytes", defaultValue = "65536")
    int maxFrameBytes;

    @Inject
    @ConfigProperty(name = "devicehub.ws.heartbeat-seconds", defaultValue = "30")
    int heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "devicehub.ws.auth-timeout-seconds", defaultValue = "10")
    int authTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "devicehub.ws.messages-per-second", defaultValue = "100")
    int messagesPerSecond;

    @Inject
    @ConfigProperty(name = "devicehub.ws.credential-check-queue", defaultValue = "64")
    int credentialCheckQueue;

    @Inject
    @ConfigProperty(name = "devicehub.calls.default-timeout-ms", defaultValue = "10000")
    long defaultCallTimeoutMillis;

    /** The longest a caller may wait for a device. */
    public static final Duration MAX_CALL_TIMEOUT = Duration.ofSeconds(60);

    /** Calls one session may have waiting at once. */
    public static final int MAX_PENDING_CALLS = 1000;

    /** Messages waiting to be written to one device before it counts as too slow. */
    public static final int MAX_OUTBOX = 1000;

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    public int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    public Duration authTimeout() {
        return Duration.ofSeconds(authTimeoutSeconds);
    }

    /** A session silent for longer than this is closed. */
    public Duration idleTimeout() {
        return Duration.ofMillis(heartbeatSeconds * 2500L);
    }

    public int messagesPerSecond() {
        return messagesPerSecond;
    }

    public int credentialCheckQueue() {
        return credentialCheckQueue;
    }

    public Duration defaultCallTimeout() {
        return Duration.ofMillis(defaultCallTimeoutMillis);
    }
}
