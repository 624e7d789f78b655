package io.devicehub.client.simulator;

import java.io.PrintStream;
import java.util.Map;

/**
 * The simulator's entry point: {@code java -jar devicehub-simulator.jar --help}. Exit status 2 means bad arguments,
 * 1 that every device stopped on its own (e.g. authentication failed); Ctrl-C closes all connections cleanly
 * before the JVM exits.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the simulator and gives the exit status; separate from {@link #main} so tests need no exit. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err)
            throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args, environment);
        } catch (UsageException e) {
            err.println("devicehub-simulator: " + e.getMessage());
            err.println("Run with --help for usage.");
            return 2;
        }
        if (options.help()) {
            out.print(Options.USAGE);
            return 0;
        }
        return new Simulator(options, out, err).run();
    }
}
