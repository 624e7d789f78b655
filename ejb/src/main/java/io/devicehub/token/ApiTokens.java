package io.devicehub.token;

import io.devicehub.account.Account;
import io.devicehub.account.Accounts;
import io.devicehub.common.FieldError;
import io.devicehub.common.InputValidator;
import io.devicehub.common.InvalidInputException;
import io.devicehub.credential.FailedAttempts;
import io.devicehub.credential.TooManyAttemptsException;
import io.devicehub.device.Device;
import io.devicehub.device.Devices;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one entry to API tokens, and its transaction edge: creating account API tokens, issuing access tokens for a
 * username and password, checking presented tokens, listing and revoking. Every operation is scoped to an account;
 * another account's token is "not found".
 * <p>
 * Checks of presented tokens are throttled per remote address with {@link FailedAttempts}, like passwords: only
 * failures that could be guesses count (malformed and unknown tokens), not expired or revoked ones, so that a
 * forgotten script with an old token cannot lock its office out of sign-in.
 */
@Stateless
public class ApiTokens {

    /** How often the last use of a token is written: a token used every second costs one write a minute. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** Expired access tokens are kept this long, so their holders hear "expired" rather than "not valid". */
    static final Duration EXPIRED_ACCESS_TOKENS_KEPT = Duration.ofDays(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    InputValidator inputs;

    @Inject
    TokenCache cache;

    @Inject
    Event<TokenRevoked> revoked;

    @Inject
    Accounts accounts;

    @Inject
    Devices devices;

    @Inject
    FailedAttempts failedAttempts;

    @Inject
    @ConfigProperty(name = "devicehub.api.access-token-minutes", defaultValue = "60")
    long accessTokenMinutes;

    /**
     * Creates an account API token for its signed-in owner, who may give it any scope and limits. The secret in the
     * answer is the only copy there will ever be.
     *
     * @throws InvalidInputException when a field breaks its rules, e.g. the device is not one of the account's
     */
    public IssuedToken create(long accountId, NewApiToken request) {
        return create(accountId, request, List.of());
    }

    /**
     * Creates an account API token on behalf of another token, which can pass on at most what it may do itself:
     * its scopes, and when it is limited to a device (and resources), that device (and some of those resources).
     *
     * @throws InvalidInputException when a field breaks its rules or asks for more than {@code creator} has
     */
    public IssuedToken create(AuthenticatedToken creator, NewApiToken request) {
        return create(creator.accountId(), request, beyond(creator, request));
    }

    private IssuedToken create(long accountId, NewApiToken request, List<FieldError> beyondCreator) {
        List<FieldError> errors = new ArrayList<>(beyondCreator);
        try {
            inputs.validate(request);
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.errors());
        }
        Instant now = Instant.now();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        Optional<Device> device = Optional.empty();
        if (request.device() != null) {
            device = devices.find(accountId, request.device());
            if (device.isEmpty()) {
                errors.add(new FieldError("device", "is not one of your devices"));
            }
        }
        errors.addAll(resourceErrors(request));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
        }
        String secret = TokenSecret.generate(TokenKind.API);
        ApiToken token = new ApiToken(accountId, TokenKind.API, request.name().strip(), secret, request.scopes(),
                device.map(Device::getId).orElse(null), device.map(Device::getIdentifier).orElse(null),
                request.resources(), now, request.expiresAt());
        em.persist(token);
        em.flush();
        return new IssuedToken(token, secret);
    }

    /**
     * Issues a short-lived access token for a username and password, with all scopes or the ones asked for. Only
     * access tokens may manage API tokens (the password stays the root of trust).
     *
     * @throws InvalidCredentialsException when the username or password is wrong
     * @throws TooManyAttemptsException    when sign-ins for this username or from this address are refused for now
     */
    public IssuedToken signIn(String username, String password, Set<Scope> scopes, String remoteAddress) {
        Account account = accounts.authenticate(username, password, remoteAddress)
                .orElseThrow(InvalidCredentialsException::new);
        Instant now = Instant.now();
        em.createQuery("DELETE FROM ApiToken t WHERE t.kind = :kind AND t.expiresAt < :cutoff")
                .setParameter("kind", TokenKind.ACCESS)
                .setParameter("cutoff", now.minus(EXPIRED_ACCESS_TOKENS_KEPT))
                .executeUpdate();
        String secret = TokenSecret.generate(TokenKind.ACCESS);
        Set<Scope> granted = scopes == null || scopes.isEmpty() ? EnumSet.allOf(Scope.class) : scopes;
        ApiToken token = new ApiToken(account.getId(), TokenKind.ACCESS, "access token", secret, granted, null, null,
                null, now, now.plus(accessTokenLifetime()));
        em.persist(token);
        em.flush();
        return new IssuedToken(token, secret);
    }

    /** How long access tokens live ({@code devicehub.api.access-token-minutes}). */
    public Duration accessTokenLifetime() {
        return Duration.ofMinutes(Math.max(1, accessTokenMinutes));
    }

    /**
     * Checks a presented token.
     *
     * @throws InvalidTokenException    when it is malformed, unknown, expired or revoked
     * @throws TooManyAttemptsException when checks from this address are refused for now
     */
    public AuthenticatedToken authenticate(String secret, String remoteAddress) {
        Duration blocked = failedAttempts.blockedFor(null, remoteAddress);
        if (!blocked.isZero()) {
            throw new TooManyAttemptsException(blocked);
        }
        if (TokenSecret.recognise(secret).isEmpty()) {
            failedAttempts.failed(null, remoteAddress);
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        Optional<Object[]> found = em.createNamedQuery(ApiToken.BY_HASH_WITH_USERNAME, Object[].class)
                .setParameter("hash", TokenSecret.hash(secret))
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            failedAttempts.failed(null, remoteAddress);
            throw new InvalidTokenException(InvalidTokenException.Reason.UNKNOWN);
        }
        ApiToken token = (ApiToken) found.get()[0];
        Instant now = Instant.now();
        switch (token.status(now)) {
            case REVOKED -> throw new InvalidTokenException(InvalidTokenException.Reason.REVOKED);
            case EXPIRED -> throw new InvalidTokenException(InvalidTokenException.Reason.EXPIRED);
            case ACTIVE -> markUsed(token, now);
        }
        AuthenticatedToken authenticated = new AuthenticatedToken(token.getId(), token.getKind(),
                token.getAccountId(), (String) found.get()[1], token.getScopes(), token.getDevice(),
                token.getResources(), token.getExpiresAt());
        cache.remember(secret, authenticated, now);
        return authenticated;
    }

    /** The account's API tokens, newest first, whatever their status (access tokens are not listed). */
    public List<ApiToken> list(long accountId) {
        return em.createNamedQuery(ApiToken.OF_ACCOUNT, ApiToken.class)
                .setParameter("accountId", accountId)
                .setParameter("kind", TokenKind.API)
                .getResultList();
    }

    /** @throws TokenNotFoundException when the account has no API token with this id */
    public ApiToken get(long accountId, long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || token.getAccountId() != accountId || token.getKind() != TokenKind.API) {
            throw new TokenNotFoundException(Long.toString(id));
        }
        return token;
    }

    /**
     * Revokes one of the account's API tokens; it stops working at once. Revoking again changes nothing.
     *
     * @throws TokenNotFoundException when the account has no API token with this id
     */
    public ApiToken revoke(long accountId, long id) {
        ApiToken token = get(accountId, id);
        token.revoke(Instant.now());
        revoked.fire(new TokenRevoked(accountId, id));
        return token;
    }

    /** Revokes the token that was presented (signing out an access token, or a holder retiring a leaked one). */
    public void revoke(AuthenticatedToken presented) {
        ApiToken token = em.find(ApiToken.class, presented.tokenId());
        if (token != null && token.getAccountId() == presented.accountId()) {
            token.revoke(Instant.now());
            revoked.fire(new TokenRevoked(presented.accountId(), presented.tokenId()));
        }
    }

    private void markUsed(ApiToken token, Instant now) {
        Instant stale = now.minus(LAST_USED_PRECISION);
        if (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(stale)) {
            // A bulk update: concurrent requests with the same token must not collide on the entity.
            em.createQuery("UPDATE ApiToken t SET t.lastUsedAt = :now WHERE t.id = :id"
                            + " AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :stale)")
                    .setParameter("now", now)
                    .setParameter("id", token.getId())
                    .setParameter("stale", stale)
                    .executeUpdate();
        }
    }

    /** What {@code request} asks for that {@code creator} does not have. */
    private static List<FieldError> beyond(AuthenticatedToken creator, NewApiToken request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.scopes() != null && !creator.scopes().containsAll(request.scopes())) {
            errors.add(new FieldError("scopes", "may include only scopes of the token creating it: "
                    + Scope.join(creator.scopes()).replace(" ", ", ")));
        }
        if (creator.device() != null && !creator.device().equals(request.device())) {
            errors.add(new FieldError("device", "must be " + creator.device()
                    + ", the device the token creating it is limited to"));
        }
        if (!creator.resources().isEmpty() && (request.resources().isEmpty()
                || !creator.resources().containsAll(request.resources()))) {
            errors.add(new FieldError("resources", "must be some of the resources the token creating it may call: "
                    + String.join(", ", creator.resources().stream().sorted().toList())));
        }
        return errors;
    }

    private static List<FieldError> resourceErrors(NewApiToken request) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> resources = request.resources();
        if (resources.isEmpty()) {
            return errors;
        }
        if (request.device() == null) {
            errors.add(new FieldError("resources", "can only be limited together with a device"));
        }
        if (resources.size() > NewApiToken.MAX_RESOURCES) {
            errors.add(new FieldError("resources", "must be at most " + NewApiToken.MAX_RESOURCES));
        }
        resources.stream()
                .filter(name -> name == null || !name.matches(NewApiToken.RESOURCE_PATTERN))
                .findFirst()
                .ifPresent(bad -> errors.add(new FieldError("resources",
                        "must be resource names of 1 to 64 letters, digits, '_', '-' or '.'")));
        return errors;
    }
}
