package io.devicehub.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Set;

/**
 * What an account API token is created with.
 *
 * @param name      a label for people, e.g. "greenhouse dashboard"
 * @param scopes    what it may do; at least one
 * @param expiresAt when it stops working; {@code null} for never
 * @param device    the identifier of the one device it is limited to; {@code null} for all of the account's
 * @param resources the resources of {@code device} it may call; empty or {@code null} for all
 */
public record NewApiToken(
        @NotBlank(message = "is required") @Size(max = NAME_MAX, message = "must be at most 64 characters") String name,
        @NotEmpty(message = "must name at least one scope") Set<Scope> scopes,
        Instant expiresAt,
        String device,
        Set<String> resources) {

    public static final int NAME_MAX = 64;

    /** How many resources one token may be limited to. */
    public static final int MAX_RESOURCES = 20;

    /** A resource name as devices declare them (docs/protocol.md). */
    public static final String RESOURCE_PATTERN = "[A-Za-z0-9_.-]{1,64}";

    public NewApiToken {
        scopes = scopes == null ? null : Set.copyOf(scopes);
        resources = resources == null ? Set.of() : Set.copyOf(resources);
    }
}
