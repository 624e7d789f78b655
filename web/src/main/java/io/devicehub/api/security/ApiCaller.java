package io.devicehub.api.security;

import io.devicehub.token.AuthenticatedToken;
import io.devicehub.token.Scope;
import io.devicehub.token.TokenKind;

import java.util.Arrays;

/**
 * The account and token behind an API request, and the checks of what the token allows. The authentication
 * mechanism puts it in the request as the attribute {@link #ATTRIBUTE}.
 */
public record ApiCaller(AuthenticatedToken token) {

    public static final String ATTRIBUTE = ApiCaller.class.getName();

    public long accountId() {
        return token.accountId();
    }

    public String username() {
        return token.username();
    }

    /** @throws InsufficientScopeException unless the token has at least one of {@code anyOf} */
    public void requireAnyScope(Scope... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(token.scopes()::contains)) {
            throw new InsufficientScopeException(anyOf);
        }
    }

    /** @throws AccessTokenRequiredException unless this is an access token issued for the password */
    public void requireAccessToken() {
        if (token.kind() != TokenKind.ACCESS) {
            throw new AccessTokenRequiredException();
        }
    }

    /** @throws TokenRestrictedException when the token is limited to one device (lists and new devices need all) */
    public void requireAllDevices() {
        if (token.device() != null) {
            throw new TokenRestrictedException("This token is limited to the device '" + token.device()
                    + "'; it cannot list or register devices. Use /api/v1/devices/" + token.device() + ".");
        }
    }

    /** @throws TokenRestrictedException when the token is limited to one device: buckets belong to the account */
    public void requireWholeAccount() {
        if (token.device() != null) {
            throw new TokenRestrictedException("This token is limited to the device '" + token.device()
                    + "'; buckets need a token for the whole account.");
        }
    }

    /** @throws TokenRestrictedException when the token is limited to another device */
    public void requireDevice(String identifier) {
        if (token.device() != null && !token.device().equals(identifier)) {
            throw new TokenRestrictedException("This token is limited to the device '" + token.device() + "'.");
        }
    }

    /** @throws TokenRestrictedException when the token is limited to another device or other resources */
    public void requireResource(String identifier, String resource) {
        requireDevice(identifier);
        if (!allowsResource(resource)) {
            throw new TokenRestrictedException("This token may call only " + String.join(", ",
                    token.resources().stream().sorted().toList()) + " of the device '" + token.device() + "'.");
        }
    }

    /** Whether the token may reach the device: any, unless it is limited to one. */
    public boolean allowsDevice(String identifier) {
        return token.device() == null || token.device().equals(identifier);
    }

    /** @throws TokenRestrictedException when the token is limited to some resources and this is not one of them */
    public void requireResourceAnywhere(String resource) {
        if (!allowsResource(resource)) {
            throw new TokenRestrictedException("This token may call only " + String.join(", ",
                    token.resources().stream().sorted().toList()) + " of the device '" + token.device() + "'.");
        }
    }

    /** Whether the token may call this resource of its device (all when it is not limited to some). */
    public boolean allowsResource(String resource) {
        return token.resources().isEmpty() || token.resources().contains(resource);
    }
}
