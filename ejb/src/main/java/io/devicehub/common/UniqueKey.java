package io.devicehub.common;

import java.util.Locale;

/**
 * Recognises which unique key a failed insert or update ran into, by the constraint name that H2 and MySQL both put
 * in their messages. Boundaries check for duplicates first; this covers the race where two requests pass that check
 * at the same time and the database's unique key decides.
 */
public final class UniqueKey {

    private UniqueKey() {
    }

    public static boolean violated(Throwable failure, String constraintName) {
        String wanted = constraintName.toLowerCase(Locale.ROOT);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }
}
