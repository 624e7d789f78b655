package io.devicehub.session;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #SECONDS} seconds of a session's traffic, one sample a second, taken by the session sweep from
 * the growing totals. Only seconds in which something moved are stored, so an idle device (a ping every 30 s) keeps
 * about ten samples instead of 300 and tens of thousands of sessions stay cheap; the quiet seconds are filled in as
 * zeros when the history is read.
 */
final class ActivityHistory {

    static final int SECONDS = 300;

    private final Deque<ActivitySample> moved = new ArrayDeque<>();
    private SessionStatistics previous;

    synchronized void sample(Instant second, SessionStatistics totals) {
        if (previous != null && totals.messagesReceived() + totals.messagesSent()
                != previous.messagesReceived() + previous.messagesSent()) {
            moved.addLast(new ActivitySample(second, totals.bytesReceived() - previous.bytesReceived(),
                    totals.bytesSent() - previous.bytesSent(), totals.messagesReceived() - previous.messagesReceived(),
                    totals.messagesSent() - previous.messagesSent()));
        }
        previous = totals;
        Instant oldest = second.minusSeconds(SECONDS);
        while (!moved.isEmpty() && !moved.peekFirst().second().isAfter(oldest)) {
            moved.removeFirst();
        }
    }

    /** One sample per second from the first movement within the window up to {@code now}, oldest first. */
    synchronized List<ActivitySample> samples(Instant now) {
        List<ActivitySample> all = new ArrayList<>();
        if (moved.isEmpty()) {
            return all;
        }
        Instant second = moved.peekFirst().second();
        Instant last = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1);
        var stored = moved.iterator();
        ActivitySample next = stored.next();
        for (; !second.isAfter(last) || next != null; second = second.plusSeconds(1)) {
            if (next != null && next.second().equals(second)) {
                all.add(next);
                next = stored.hasNext() ? stored.next() : null;
            } else if (!second.isAfter(last)) {
                all.add(new ActivitySample(second, 0, 0, 0, 0));
            } else {
                break;
            }
        }
        return all;
    }
}
