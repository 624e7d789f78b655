package io.devicehub.device;

/** A device's description changed. */
public record DeviceUpdated(long accountId, String identifier) implements RegistryEvent {
}
