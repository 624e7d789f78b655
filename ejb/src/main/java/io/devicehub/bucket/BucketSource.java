package io.devicehub.bucket;

import java.util.Arrays;
import java.util.Optional;

/** Where a bucket's records come from; a bucket has exactly one source, and refuses writes from the others. */
public enum BucketSource {
    /** The server calls an output resource of one device every few seconds and stores what it answers. */
    RESOURCE("resource"),
    /** The devices' {@code data} messages (all of the account's devices, or the ones listed). */
    DEVICES("devices"),
    /** Programs, through the REST API. */
    API("api");

    private final String wireName;

    BucketSource(String wireName) {
        this.wireName = wireName;
    }

    /** As the API and the console name it. */
    public String wireName() {
        return wireName;
    }

    public static Optional<BucketSource> fromWire(String name) {
        return Arrays.stream(values()).filter(source -> source.wireName.equals(name)).findFirst();
    }
}
