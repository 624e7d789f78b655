package io.devicehub.common;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InstantColumnTest {

    private final InstantColumn column = new InstantColumn();

    @Test
    void instantsAreStoredAsUtcWallClockTime() {
        Instant instant = Instant.parse("2026-11-26T11:30:15.123Z");
        assertEquals(LocalDateTime.parse("2026-11-26T11:30:15.123"), column.convertToDatabaseColumn(instant));
        assertEquals(instant, column.convertToEntityAttribute(column.convertToDatabaseColumn(instant)));
        assertNull(column.convertToDatabaseColumn(null));
        assertNull(column.convertToEntityAttribute(null));
    }
}
