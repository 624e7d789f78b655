package io.devicehub.console.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Console sign-in: a Faces login page backed by {@link AccountIdentityStore}. Unauthenticated requests for a
 * protected page are redirected to {@code /login.xhtml} and return to that page after signing in.
 * <p>
 * This class must be a CDI bean ({@code @ApplicationScoped}) or the mechanism is never registered.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles(ConsoleSecurity.USER)
@ApplicationScoped
public class ConsoleSecurity {

    /** The role of every signed-in account. */
    public static final String USER = "user";
}
