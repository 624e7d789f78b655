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

    @Inject
    @ConfigProperty(name = "devicehub.calls.max-in-flight", defaultValue = "100")
    int maxCallsInFlight;

    /** The container's frame buffer: {@code org.glassfish.tyrus.servlet.incoming-buffer-size} in web.xml. */
    public static final int CONTAINER_BUFFER_BYTES = 262_144;

    /** The largest frame limit that leaves room in the container's buffer for one network read (128 KiB). */
    public static final int FRAME_BYTES_CEILING = 131_072;

    /** Messages waiting to be written to one device before it counts as too slow. */
    public static final int MAX_OUTBOX = 1000;

    /**
     * The largest device message, in bytes, at most {@value #FRAME_BYTES_CEILING}: the container reads frames into a
     * buffer of {@value #CONTAINER_BUFFER_BYTES} bytes (web.xml), which must hold the largest frame and one more read
     * from the network.
     */
    public int maxFrameBytes() {
        return Math.max(1024, Math.min(maxFrameBytes, FRAME_BYTES_CEILING));
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

    /**
     * Calls one device may have waiting for its answers at once: it protects the device from its callers (beyond,
     * a caller is told the device is busy), never more than its outbox holds.
     */
    public int maxCallsInFlight() {
        return Math.max(1, Math.min(maxCallsInFlight, MAX_OUTBOX));
    }
}
