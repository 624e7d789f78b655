/**
 * The data buckets benchmark: devices' {@code data} with {@code stored} answers, REST batches, a burst beyond the
 * sustained rate, range queries, aggregation and export of a large seeded bucket.
 */
package io.devicehub.bench.buckets;
