package io.devicehub.client;

/**
 * The server did not store a pushed value, and says why (docs/protocol.md, "data"): {@code unknown-bucket},
 * {@code bucket-disabled}, {@code wrong-source}, {@code not-a-writer}, {@code invalid-data} or
 * {@code server-error}. Sending it again unchanged would get the same answer (but for {@code server-error}).
 */
public class DataRefusedException extends RuntimeException {

    private final String code;

    public DataRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The protocol's error code. */
    public String code() {
        return code;
    }
}
