/**
 * {@code seed}: an account and many devices written straight into the server's database over JDBC, because
 * registering 50,000 devices through the API would cost 50,000 PBKDF2 hashes (about two hours on one core).
 * <p>
 * A benchmark shortcut, stated in {@code docs/benchmarks.md}: all seeded devices share one credential and one salted
 * PBKDF2 hash of it, where real registration salts each device. Each device still gets its own keyed HMAC under the
 * server key the benchmark gives the server, so that devices authenticate on the quick path exactly as real
 * reconnecting devices do. The formats are the server's: {@code ServerKey} and Jakarta Security's
 * {@code Pbkdf2PasswordHash}; the tests prove it with the product's own code.
 */
package io.devicehub.bench.seed;
