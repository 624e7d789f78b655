package io.devicehub.session;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private final ActivityHistory history = new ActivityHistory();

    @Test
    void eachSecondShowsWhatMovedInItAndQuietSecondsAreZero() {
        history.sample(T0, totals(0, 0, 0, 0));
        history.sample(T0.plusSeconds(1), totals(100, 20, 2, 1));
        history.sample(T0.plusSeconds(2), totals(100, 20, 2, 1));
        history.sample(T0.plusSeconds(3), totals(130, 20, 3, 1));

        List<ActivitySample> samples = history.samples(T0.plusSeconds(5));

        assertEquals(List.of(
                new ActivitySample(T0.plusSeconds(1), 100, 20, 2, 1),
                new ActivitySample(T0.plusSeconds(2), 0, 0, 0, 0),
                new ActivitySample(T0.plusSeconds(3), 30, 0, 1, 0),
                new ActivitySample(T0.plusSeconds(4), 0, 0, 0, 0)), samples);
    }

    @Test
    void onlyTheLastFiveMinutesAreKept() {
        history.sample(T0, totals(0, 0, 0, 0));
        for (int second = 1; second <= 600; second++) {
            history.sample(T0.plusSeconds(second), totals(second, second, second, second));
        }
        List<ActivitySample> samples = history.samples(T0.plusSeconds(601));
        assertEquals(ActivityHistory.SECONDS, samples.size());
        assertTrue(samples.get(0).second().isAfter(T0.plusSeconds(300)));
    }

    @Test
    void aSessionThatNeverMovedHasNoHistory() {
        history.sample(T0, totals(0, 0, 0, 0));
        history.sample(T0.plusSeconds(1), totals(0, 0, 0, 0));
        assertTrue(history.samples(T0.plusSeconds(2)).isEmpty());
    }

    private static SessionStatistics totals(long in, long out, long messagesIn, long messagesOut) {
        return new SessionStatistics(T0, T0, "127.0.0.1", in, out, messagesIn, messagesOut, 0);
    }
}
