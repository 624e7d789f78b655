package io.devicehub.session;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #SECONDS} seconds of a session's traffic, one sample a second, taken by the session sweep from
 * the growing totals. Small and bounded: 300 samples per online device.
 */
final class ActivityHistory {

    static final int SECONDS = 300;

    private final Deque<ActivitySample> samples = new ArrayDeque<>();
    private SessionStatistics previous;

    synchronized void sample(Instant second, SessionStatistics totals) {
        if (previous != null) {
            samples.addLast(new ActivitySample(second, totals.bytesReceived() - previous.bytesReceived(),
                    totals.bytesSent() - previous.bytesSent(), totals.messagesReceived() - previous.messagesReceived(),
                    totals.messagesSent() - previous.messagesSent()));
            if (samples.size() > SECONDS) {
                samples.removeFirst();
            }
        }
        previous = totals;
    }

    synchronized List<ActivitySample> samples() {
        return List.copyOf(samples);
    }
}
