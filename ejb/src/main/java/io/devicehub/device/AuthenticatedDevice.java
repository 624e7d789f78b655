package io.devicehub.device;

/** A device whose credentials were just checked: who owns it and which it is. */
public record AuthenticatedDevice(long accountId, String account, long deviceId, String identifier) {
}
