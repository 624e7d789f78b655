/**
 * The benchmark tool's command line: {@code java -jar devicehub-bench.jar <command> [--option value]…}. Each
 * command measures one figure of {@code docs/benchmarks.md} and writes its raw results as JSON; {@code bench/run}
 * starts the server the way users do and runs them in order. Secrets (the account password, the device credential,
 * the server key) come only from environment variables and are never printed.
 */
package io.devicehub.bench;
