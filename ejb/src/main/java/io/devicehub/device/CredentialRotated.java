package io.devicehub.device;

/** A device's credential was replaced: sessions opened with the old one must end. */
public record CredentialRotated(long accountId, String identifier) implements RegistryEvent {
}
