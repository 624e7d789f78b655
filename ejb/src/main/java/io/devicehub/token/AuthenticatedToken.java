package io.devicehub.token;

import java.time.Instant;
import java.util.Set;

/**
 * A presented token that checked out: whose it is and what it may do.
 *
 * @param device    the identifier of the one device it is limited to, or {@code null}
 * @param resources the resources of that device it may call; empty for all
 */
public record AuthenticatedToken(long tokenId, TokenKind kind, long accountId, String username, Set<Scope> scopes,
                                 String device, Set<String> resources, Instant expiresAt) {

    public AuthenticatedToken {
        scopes = Set.copyOf(scopes);
        resources = Set.copyOf(resources);
    }
}
