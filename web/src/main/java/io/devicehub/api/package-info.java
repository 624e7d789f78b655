/**
 * The REST API under {@code /api/v1}: thin JAX-RS resources over the boundaries, authenticated with bearer tokens,
 * answering JSON and, on failure, RFC 9457 problems. Described by MicroProfile OpenAPI at {@code /openapi}.
 * Feature packages: {@code devices} (devices and resource calls), {@code tokens} (access and API tokens),
 * {@code buckets} (data buckets and their records); shared:
 * {@code security}, {@code problem}, {@code json}.
 */
package io.devicehub.api;
