package io.devicehub.session;

/** Which device: an account's device identifier. */
public record DeviceKey(long accountId, String identifier) {
}
