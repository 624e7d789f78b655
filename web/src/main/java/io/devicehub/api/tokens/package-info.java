/**
 * {@code /api/v1/auth/token}: access tokens for a username and password (and the presented token: what it is,
 * signing it out); {@code /api/v1/tokens}: the account's API tokens, managed with an access token only.
 */
package io.devicehub.api.tokens;
