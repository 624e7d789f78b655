package io.devicehub.device;

/** A device was disabled: it may no longer connect, and a live session must end. */
public record DeviceDisabled(long accountId, String identifier) implements RegistryEvent {
}
