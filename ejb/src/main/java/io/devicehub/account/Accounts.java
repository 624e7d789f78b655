package io.devicehub.account;

import io.devicehub.common.AlreadyRegisteredException;
import io.devicehub.common.InputValidator;
import io.devicehub.common.UniqueKey;
import io.devicehub.credential.CredentialHashing;
import io.devicehub.credential.FailedAttempts;
import io.devicehub.credential.TooManyAttemptsException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one entry to accounts: sign-up, look-up and password checks. The transaction edge.
 */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    InputValidator inputs;

    @Inject
    CredentialHashing hashing;

    @Inject
    FailedAttempts failedAttempts;

    @Inject
    @ConfigProperty(name = "devicehub.signup.enabled", defaultValue = "true")
    boolean signUpEnabled;

    public boolean isSignUpEnabled() {
        return signUpEnabled;
    }

    /**
     * Creates an account.
     *
     * @throws io.devicehub.common.InvalidInputException when a field breaks its rules
     * @throws AlreadyRegisteredException                when the username or email is taken
     * @throws SignUpClosedException                     when sign-up is turned off
     */
    public Account signUp(SignUp signUp) {
        if (!signUpEnabled) {
            throw new SignUpClosedException();
        }
        inputs.validate(signUp);
        String username = Account.normalize(signUp.username());
        String email = Account.normalize(signUp.email());
        if (findByUsername(username).isPresent()) {
            throw new AlreadyRegisteredException("username", "This username is already taken.");
        }
        if (em.createNamedQuery(Account.COUNT_BY_EMAIL, Long.class).setParameter("email", email).getSingleResult() > 0) {
            throw new AlreadyRegisteredException("email", "An account with this email address already exists.");
        }
        Account account = new Account(username, email, hashing.hash(signUp.password()), Instant.now());
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueKey.violated(e, "uk_account_username")) {
                throw new AlreadyRegisteredException("username", "This username is already taken.");
            }
            if (UniqueKey.violated(e, "uk_account_email")) {
                throw new AlreadyRegisteredException("email", "An account with this email address already exists.");
            }
            throw e;
        }
        return account;
    }

    public Optional<Account> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", Account.normalize(username))
                .getResultStream().findFirst();
    }

    /**
     * Checks a username and password, from a remote address. Repeated failures block further checks for a while
     * (see {@link FailedAttempts}); an unknown username costs the same as a wrong password. A hash made with a lower
     * cost than configured today is replaced on success.
     *
     * @return the account, or empty when the username or password is wrong
     * @throws TooManyAttemptsException when checks for this username or from this address are blocked
     */
    public Optional<Account> authenticate(String username, String password, String remoteAddress) {
        String identity = identity(username);
        Duration blocked = failedAttempts.blockedFor(identity, remoteAddress);
        if (!blocked.isZero()) {
            throw new TooManyAttemptsException(blocked);
        }
        Optional<Account> account = findByUsername(username);
        boolean valid = hashing.verify(password, account.map(Account::passwordHash).orElse(null));
        if (!valid) {
            failedAttempts.failed(identity, remoteAddress);
            return Optional.empty();
        }
        failedAttempts.succeeded(identity, remoteAddress);
        Account found = account.orElseThrow();
        if (hashing.isOutdated(found.passwordHash())) {
            found.changePasswordHash(hashing.hash(password));
        }
        return account;
    }

    /** How long sign-ins for this username from this address are still refused; zero when they are allowed. */
    public Duration signInBlockedFor(String username, String remoteAddress) {
        return failedAttempts.blockedFor(identity(username), remoteAddress);
    }

    private static String identity(String username) {
        return "account:" + Account.normalize(username);
    }
}
