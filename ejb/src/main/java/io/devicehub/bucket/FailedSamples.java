package io.devicehub.bucket;

import java.time.Instant;

/**
 * Samples of one bucket that failed since the sampler last said so: how many, and the last one's reason and time.
 * Each failed sample is a gap in the bucket's records.
 */
public record FailedSamples(long bucketId, long count, String lastError, Instant lastAt) {

    /** What the database keeps of a reason. */
    public static final int MAX_ERROR = 255;

    public FailedSamples {
        if (lastError != null && lastError.length() > MAX_ERROR) {
            lastError = lastError.substring(0, MAX_ERROR - 1) + "…";
        }
    }

    /** This and a later failure of the same bucket. */
    public FailedSamples and(String error, Instant at) {
        return new FailedSamples(bucketId, count + 1, error, at);
    }
}
