/**
 * {@code /api/v1/buckets}: data buckets and their records over HTTP. Resources are thin: requests are taken apart
 * member by member here, the rules live in {@code io.devicehub.bucket}.
 */
package io.devicehub.api.buckets;
