package io.devicehub.client;

/**
 * A snapshot of a {@link DeviceClient}'s traffic since it was built, across all its connections; for tests,
 * monitoring and the simulator.
 *
 * @param messagesSent     whole messages written to the network (auth, describe, answers, data, pings)
 * @param messagesReceived whole messages read from the network
 * @param callsAnswered    calls answered with a {@code result} or an {@code error}
 * @param sessions         connections that reached {@code welcome}
 */
public record Counters(long messagesSent, long messagesReceived, long callsAnswered, long sessions) {
}
