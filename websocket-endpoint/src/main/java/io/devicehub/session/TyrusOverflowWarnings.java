package io.devicehub.session;

import java.util.logging.Logger;

/**
 * Keeps Tyrus from logging a warning with a stack trace for every frame too large for its buffer. Such a frame is
 * cut off (close 1011) as it should be, but Tyrus logs each one as an unexpected error, so any client that sends a
 * few hundred kilobytes could fill the server's log at the speed of its network. Only that record is dropped; every
 * other warning of Tyrus's still reaches the log.
 */
public final class TyrusOverflowWarnings {

    /** Held, so that the logger and its filter are not collected and recreated without it. */
    private static final Logger TYRUS = Logger.getLogger("org.glassfish.tyrus.core.TyrusEndpointWrapper");

    private TyrusOverflowWarnings() {
    }

    public static void drop() {
        TYRUS.setFilter(record -> !(record.getThrown() instanceof IllegalArgumentException overflow
                && "Buffer overflow.".equals(overflow.getMessage())));
    }
}
