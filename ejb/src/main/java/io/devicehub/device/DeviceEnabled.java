package io.devicehub.device;

/** A disabled device was enabled again. */
public record DeviceEnabled(long accountId, String identifier) implements RegistryEvent {
}
