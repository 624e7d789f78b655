package io.devicehub.bench;

/**
 * The secrets a benchmark needs, from the environment only: never from the command line (where {@code ps} shows
 * them), never printed, never written to a result file.
 */
public final class Secrets {

    /** The benchmark account's password. */
    public static final String PASSWORD = "BENCH_PASSWORD";
    /** The credential every seeded device shares. */
    public static final String DEVICE_CREDENTIAL = "BENCH_DEVICE_CREDENTIAL";
    /** The server key the server is given, so that seeded HMACs are valid there. */
    public static final String SERVER_KEY = "DEVICEHUB_SERVER_KEY";

    private Secrets() {
    }

    public static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new UsageException("set the environment variable " + variable + " (bench/run generates one per run)");
        }
        return value;
    }
}
