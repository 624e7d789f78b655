/**
 * {@code calls}: resource calls relayed REST → device → REST through the public API with an access token, against
 * devices built with the SDK that answer an {@code echo} resource; and, in the same run on the same server, the raw
 * WebSocket round trip ({@code ping} → {@code pong} on device sessions) for comparison.
 * <p>
 * Each is measured twice: closed-loop (a fixed number of calls in flight, as fast as the server answers: the
 * maximum throughput) and open-loop at a fixed rate (calls start on schedule whatever happens to earlier ones, and
 * each latency counts from the scheduled start, so a stall is charged to every call it delays: no coordinated
 * omission).
 * <p>
 * {@code writes}: acknowledged writes through the same API (a device's description changed, one small committed
 * transaction each), closed-loop: the cost of a commit, which the database's durability settings decide.
 */
package io.devicehub.bench.calls;
