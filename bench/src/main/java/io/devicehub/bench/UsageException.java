package io.devicehub.bench;

/** A command line the tool cannot run: the message says what to change. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
