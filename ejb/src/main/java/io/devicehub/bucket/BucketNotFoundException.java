package io.devicehub.bucket;

import io.devicehub.common.NotFoundException;

/** No bucket with this identifier among the caller's buckets (it may exist in another account: we do not say). */
public class BucketNotFoundException extends NotFoundException {

    public BucketNotFoundException(String identifier) {
        super("No bucket '" + identifier + "' in your account.");
    }
}
