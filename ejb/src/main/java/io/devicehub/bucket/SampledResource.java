package io.devicehub.bucket;

/**
 * What the server samples for an enabled bucket of source {@link BucketSource#RESOURCE}: which resource of which
 * device of the account, and how often.
 */
public record SampledResource(long bucketId, long accountId, String bucket, String device, String resource,
                              int seconds) {

    static SampledResource of(Bucket bucket) {
        return new SampledResource(bucket.getId(), bucket.getAccountId(), bucket.getIdentifier(),
                bucket.getSampleDevice(), bucket.getSampleResource(), bucket.getSampleSeconds());
    }
}
