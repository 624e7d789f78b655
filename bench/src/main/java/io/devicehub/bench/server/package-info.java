/**
 * What the server process costs, read from outside it as an operator would: CPU, threads and resident memory from
 * {@code /proc/<pid>}, and the live heap from {@code jcmd} after a full collection. The load generator shares the
 * machine with the server, so CPU is always read per process (and per thread), never as machine load.
 */
package io.devicehub.bench.server;
