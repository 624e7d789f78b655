package io.devicehub.session;

import java.util.Set;

/**
 * Traffic moved on some of an account's device sessions during the last second. Fired once a second per account
 * with movement, however many of its devices moved, so that watchers are not flooded; the figures themselves are
 * read from {@link LiveSessions} when wanted.
 */
public record DeviceActivity(long accountId, Set<String> identifiers) {

    public DeviceActivity {
        identifiers = Set.copyOf(identifiers);
    }
}
