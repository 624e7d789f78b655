/**
 * Data buckets: the time series an account's devices produce. A {@link io.devicehub.bucket.Bucket} is written by one
 * source (a device resource the server samples, the devices' {@code data} messages, or programs through the API);
 * its records are JSON values keyed by the millisecond, stored by {@link io.devicehub.bucket.BucketRecords} in
 * batches and acknowledged only once committed. {@link io.devicehub.bucket.Buckets} is the one entry for bucket
 * settings, as {@code Devices} is for devices.
 */
package io.devicehub.bucket;
