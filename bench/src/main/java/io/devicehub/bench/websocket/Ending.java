package io.devicehub.bench.websocket;

/**
 * How a connection attempt ended.
 *
 * @param code   the close code the server sent, or {@link #ABNORMAL} when the connection broke or never opened
 * @param reason the close reason, the server's error code before a refusal, or what failed
 * @param phase  how far the attempt had come; {@code CONNECTING} means the server was not reachable
 * @param byClient whether this client closed it (the benchmark is done with the device)
 */
public record Ending(int code, String reason, LightConnection.Phase phase, boolean byClient) {

    /** No close frame: refused, reset, timed out, or dropped. */
    public static final int ABNORMAL = 1006;

    /** How the ending is counted: {@code 1013 server busy (AUTHENTICATING)}. */
    public String kind() {
        return code + " " + (reason == null ? "" : reason) + " (" + phase + ")";
    }

    /** Whether the server could not even be reached (connection refused or timed out). */
    public boolean unreachable() {
        return phase == LightConnection.Phase.CONNECTING;
    }
}
