package io.devicehub.console.security;

import io.devicehub.account.Accounts;
import io.devicehub.credential.TooManyAttemptsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/**
 * Checks console sign-ins against the accounts, through {@link Accounts#authenticate} (throttling, constant-cost
 * failures, re-hashing). A throttled attempt is simply invalid here; the sign-in page tells the user why.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential given)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            return accounts.authenticate(given.getCaller(), given.getPasswordAsString(), request.getRemoteAddr())
                    .map(account -> new CredentialValidationResult(account.getUsername(), Set.of(ConsoleSecurity.USER)))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (TooManyAttemptsException blocked) {
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
