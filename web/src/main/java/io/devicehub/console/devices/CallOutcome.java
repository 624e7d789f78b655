package io.devicehub.console.devices;

import java.io.Serializable;

/**
 * How a resource call started from the device API screen went: still running, answered (with the output as
 * formatted JSON and the round trip's duration), or failed (with a plain reason).
 */
public record CallOutcome(State state, String output, long millis, String error) implements Serializable {

    /** Where the call is. */
    public enum State {
        RUNNING, ANSWERED, FAILED
    }

    static CallOutcome running() {
        return new CallOutcome(State.RUNNING, null, 0, null);
    }

    static CallOutcome answered(String output, long millis) {
        return new CallOutcome(State.ANSWERED, output, millis, null);
    }

    static CallOutcome failed(String error) {
        return new CallOutcome(State.FAILED, null, 0, error);
    }

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    public boolean isAnswered() {
        return state == State.ANSWERED;
    }

    public boolean isFailed() {
        return state == State.FAILED;
    }
}
