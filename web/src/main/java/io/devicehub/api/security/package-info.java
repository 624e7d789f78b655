/**
 * Who calls the REST API and what they may do. {@link io.devicehub.api.security.BearerOrFormAuthentication} is the
 * application's one Jakarta Security mechanism: bearer tokens under {@code /api/}, the console's form sign-in
 * everywhere else. {@link io.devicehub.api.security.ApiAuthorization} then turns a missing or refused token into
 * 401 and a missing scope into 403, and resources check a token's device and resource limits through
 * {@link io.devicehub.api.security.ApiCaller}.
 */
package io.devicehub.api.security;
