package io.devicehub.bucket;

import io.devicehub.common.FieldError;

import java.util.List;

/**
 * Rules of a bucket's source that the registry cannot check itself: whether the resource a bucket is to sample is
 * one the device declared, with an output. Only the live sessions know (and only of a device that is online); the
 * caller that has them passes this check in.
 */
@FunctionalInterface
public interface SourceCheck {

    /** For callers without live sessions: nothing more to check. */
    SourceCheck NONE = (accountId, settings) -> List.of();

    /** What is wrong with {@code settings} of a bucket of {@code accountId}; empty when nothing is. */
    List<FieldError> errors(long accountId, BucketSettings settings);
}
