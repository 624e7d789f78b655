package io.devicehub.device;

/** Something changed in an account's device registry; every such event names the device. */
public interface RegistryEvent {

    long accountId();

    String identifier();
}
