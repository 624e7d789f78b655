/**
 * API tokens: the bearer secrets that programs present to the REST API. Account API tokens are named, scoped,
 * optionally expiring and optionally limited to one device and some of its resources; access tokens are issued for a
 * username and password and live briefly. Both are shown once and stored only as a SHA-256 hash (see
 * {@link io.devicehub.token.TokenSecret} for why a fast hash is right for them).
 */
package io.devicehub.token;
