package io.devicehub.bench.storm;

import java.util.SplittableRandom;

/**
 * What the protocol's backoff alone costs: the time from the server being ready to each device's return, had the
 * server refused every attempt at once while down and accepted every attempt at once when ready. Simulated with the
 * measured downtime, it is the floor no server can beat, and tells the backoff's share of a storm from the server's.
 */
final class IdealServer {

    private IdealServer() {
    }

    /**
     * @param downMillis from the devices losing their connections to the server being ready
     * @return per device, the milliseconds from ready to its first attempt after it
     */
    static long[] fromReadyMillis(int devices, long downMillis, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] fromReady = new long[devices];
        for (int i = 0; i < devices; i++) {
            FullJitter backoff = new FullJitter();
            long at = backoff.nextMillis(random::nextDouble, 0);
            while (at < downMillis) {
                at += backoff.nextMillis(random::nextDouble, at);
            }
            fromReady[i] = at - downMillis;
        }
        return fromReady;
    }
}
