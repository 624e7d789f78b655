package io.devicehub.device;

/** A device was registered (fired after the transaction commits). */
public record DeviceRegistered(long accountId, String identifier) implements RegistryEvent {
}
