package io.devicehub.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only an access token issued for the account's password may call this (managing API tokens): an API token, however
 * scoped, can never mint or revoke others. Checked by {@link ApiAuthorization}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresAccessToken {
}
