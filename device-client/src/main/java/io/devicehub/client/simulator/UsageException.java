package io.devicehub.client.simulator;

/** Bad command-line arguments: the simulator prints the message and exits with status 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
