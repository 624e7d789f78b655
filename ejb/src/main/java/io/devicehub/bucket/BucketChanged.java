package io.devicehub.bucket;

/**
 * A bucket was created, changed or deleted (fired inside the transaction; observe it after success). What keeps a
 * copy of bucket settings (the device write path, the sampler) forgets its copy.
 */
public record BucketChanged(long accountId, long bucketId, String identifier, Kind kind) {

    /** What happened to it. */
    public enum Kind {
        CREATED, CHANGED, DELETED,
        /** Some or all of its records were deleted by a user. */
        CLEARED
    }
}
