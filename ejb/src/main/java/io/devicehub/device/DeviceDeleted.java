package io.devicehub.device;

/** A device was deleted: a live session must end. */
public record DeviceDeleted(long accountId, String identifier) implements RegistryEvent {
}
