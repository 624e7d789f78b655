package io.devicehub.bench;

/** One subcommand of the tool. */
public interface Command {

    /** One line for the usage text. */
    String summary();

    /** Runs with the command's options; returns the process exit status. */
    int run(Arguments arguments) throws Exception;
}
