package io.devicehub.session;

import java.util.concurrent.CancellationException;
import java.util.logging.Logger;

/**
 * Keeps Tyrus from logging a warning with a stack trace for two things that are not faults, each of which any client
 * can cause as often as it likes, and so fill the server's log:
 * <ul>
 * <li>a frame too large for its buffer: it is cut off (close 1011) as it should be, but Tyrus logs each one as an
 * unexpected error;</li>
 * <li>a connection closed with frames its peer never read ({@link Outbox#abort}): Tyrus logs the frames it drops as
 * an error of its writer ({@link CancellationException}).</li>
 * </ul>
 * Only those records are dropped; every other warning of Tyrus's still reaches the log.
 */
public final class TyrusWarnings {

    /** Held, so that the loggers and their filters are not collected and recreated without them. */
    private static final Logger ENDPOINT = Logger.getLogger("org.glassfish.tyrus.core.TyrusEndpointWrapper");
    private static final Logger WRITER = Logger.getLogger("org.glassfish.tyrus.servlet.TyrusServletWriter");

    private TyrusWarnings() {
    }

    public static void drop() {
        ENDPOINT.setFilter(record -> !(record.getThrown() instanceof IllegalArgumentException overflow
                && "Buffer overflow.".equals(overflow.getMessage())));
        WRITER.setFilter(record -> !(record.getThrown() instanceof CancellationException));
    }
}
