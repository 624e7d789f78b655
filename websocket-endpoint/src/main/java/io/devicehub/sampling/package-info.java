/**
 * Buckets of source "resource": the server samples a device resource on a schedule and stores its output
 * ({@link io.devicehub.sampling.ResourceSampler}), and a bucket may only name a resource that can be sampled
 * ({@link io.devicehub.sampling.SampledResourceCheck}).
 */
package io.devicehub.sampling;
