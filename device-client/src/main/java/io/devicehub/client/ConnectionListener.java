package io.devicehub.client;

/**
 * Told about every change of a {@link DeviceClient}'s {@link ConnectionState}, one at a time and in order, on the
 * client's executor (never on the network thread, so it may block briefly or call back into the client).
 */
@FunctionalInterface
public interface ConnectionListener {

    void stateChanged(ConnectionState state);
}
