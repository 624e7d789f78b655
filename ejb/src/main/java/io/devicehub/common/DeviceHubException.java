package io.devicehub.common;

import jakarta.ejb.ApplicationException;

/**
 * A failure that the caller caused and can understand: invalid input, a duplicate, something not found.
 * <p>
 * Its message is written for the person using DeviceHub and is safe to show. Being an application exception, it
 * reaches the caller unwrapped, and the transaction is rolled back so that nothing changes.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DeviceHubException extends RuntimeException {

    protected DeviceHubException(String message) {
        super(message);
    }
}
