package io.devicehub.it;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique names for test data, so that tests never depend on what earlier runs left in the database (the MySQL test
 * database is kept between runs, as a real one would be).
 */
public final class Names {

    private Names() {
    }

    public static String unique(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
    }
}
