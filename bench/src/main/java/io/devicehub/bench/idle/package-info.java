/**
 * {@code idle}: how many authenticated device sessions the server holds at once, what each costs in heap, and that
 * none costs a thread. The devices connect a few hundred at a time from one NIO thread, then sit idle, pinging every
 * heartbeat as the protocol asks.
 */
package io.devicehub.bench.idle;
