package io.devicehub.api.buckets;

import io.devicehub.bucket.AggregateFunction;
import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parameters of an aggregation: each one checked, every bad one named at once. */
class AggregationQueryTest {

    @Test
    void defaultsAreHourlyMeansOfTheLastDayInUtc() {
        AggregationQuery query = AggregationQuery.parse(null, "2026-12-02T00:00:00Z", null, null, null, null);
        assertEquals(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli(), query.from());
        assertEquals("1h", query.interval().toString());
        assertEquals(AggregateFunction.MEAN, query.function());
        assertEquals(ZoneId.of("UTC"), query.zone());
    }

    @Test
    void aBadToDoesNotHideABadFrom() {
        assertEquals(List.of("from", "to"), fields(() -> AggregationQuery.parse("yesterday", "today", null, null,
                null, null)));
        assertEquals(List.of("to"), fields(() -> AggregationQuery.parse("2026-12-01T00:00:00Z", "today", null, null,
                null, null)), "a from that is readable is not also said to be after an unreadable to");
    }

    @Test
    void everyBadParameterIsNamed() {
        assertEquals(List.of("field", "from", "function", "interval", "zone"), fields(() -> AggregationQuery.parse(
                "2026-12-02T00:00:00Z", "2026-12-01T00:00:00Z", "1fortnight", "median", "a..b", "Mars/Olympus")));
    }

    private static List<String> fields(org.junit.jupiter.api.function.Executable parse) {
        return assertThrows(InvalidInputException.class, parse).errors().stream().map(FieldError::field).toList();
    }
}
