/**
 * {@code storm}: many devices online, the server restarted under them, and every device coming back with the
 * protocol's backoff (full jitter, 1 s base, 60 s cap, as the SDK does). What counts is the time from the new server
 * being ready to every device online again, and the CPU the server spends on it, credential checks above all: with
 * each device's HMAC stored, no reconnect should need a full PBKDF2 check.
 */
package io.devicehub.bench.storm;
