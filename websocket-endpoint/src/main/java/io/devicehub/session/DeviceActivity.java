package io.devicehub.session;

/** Traffic moved on a device's session; fired at most once a second per device, with the figures so far. */
public record DeviceActivity(long accountId, String identifier, SessionStatistics statistics) {
}
