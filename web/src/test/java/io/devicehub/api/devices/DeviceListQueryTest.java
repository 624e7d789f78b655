package io.devicehub.api.devices;

import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import io.devicehub.device.DeviceSort;
import io.devicehub.session.DeviceOverview.Presence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list's query parameters: defaults, every option, and a 400 naming each bad one. */
class DeviceListQueryTest {

    @Test
    void withoutParametersItIsTheFirstTwentyNewestFirst() {
        DeviceListQuery query = DeviceListQuery.parse(null, null, null, null, null);
        assertEquals(0, query.query().offset());
        assertEquals(20, query.query().limit());
        assertEquals(DeviceSort.CREATED, query.query().sort());
        assertFalse(query.query().ascending());
        assertEquals(Presence.ANY, query.presence());
    }

    @Test
    void everyOptionIsRead() {
        DeviceListQuery query = DeviceListQuery.parse("40", "500", "identifier", "green", "ONLINE");
        assertEquals(40, query.query().offset());
        assertEquals(500, query.query().limit());
        assertEquals(DeviceSort.IDENTIFIER, query.query().sort());
        assertTrue(query.query().ascending());
        assertEquals("green", query.query().text());
        assertEquals(Presence.ONLINE, query.presence());

        assertFalse(DeviceListQuery.parse(null, null, "-description", null, "offline").query().ascending());
        assertEquals(Presence.OFFLINE, DeviceListQuery.parse(null, null, null, null, "offline").presence());
    }

    @Test
    void everyBadParameterIsNamed() {
        InvalidInputException invalid = assertThrows(InvalidInputException.class,
                () -> DeviceListQuery.parse("-1", "501", "name", "x".repeat(101), "sleeping"));
        assertEquals(List.of("offset", "limit", "sort", "q", "status"),
                invalid.errors().stream().map(FieldError::field).toList());
        assertEquals("must be a whole number from 1 to 500", invalid.errors().get(1).message());
    }

    @Test
    void numbersMustBeWholeNumbers() {
        assertThrows(InvalidInputException.class, () -> DeviceListQuery.parse("abc", null, null, null, null));
        assertThrows(InvalidInputException.class, () -> DeviceListQuery.parse(null, "2.5", null, null, null));
        assertThrows(InvalidInputException.class, () -> DeviceListQuery.parse(null, "0", null, null, null));
    }
}
