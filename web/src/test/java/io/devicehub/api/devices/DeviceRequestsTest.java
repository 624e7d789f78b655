package io.devicehub.api.devices;

import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bodies of the device requests. */
class DeviceRequestsTest {

    @Test
    void aNewDeviceBringsItsCredentialOrAsksForOne() {
        NewDevice own = NewDevice.from(json("{\"identifier\":\"d\",\"credential\":\"twelve chars\"}"));
        assertEquals("twelve chars", own.credentials().resolve());
        assertFalse(own.generate());

        NewDevice generated = NewDevice.from(json("{\"identifier\":\"d\",\"generate\":true}"));
        String first = generated.credentials().resolve();
        assertTrue(first.matches("[A-Za-z0-9]{24}"), first);
        assertNotEquals(first, generated.credentials().resolve());
    }

    @Test
    void aCredentialAndGenerateExcludeEachOther() {
        InvalidInputException both = assertThrows(InvalidInputException.class,
                () -> NewDevice.from(json("{\"identifier\":\"d\",\"credential\":\"twelve chars\",\"generate\":true}")));
        assertEquals(List.of(new FieldError("credential", "must be left out when generate is true")), both.errors());
    }

    @Test
    void wrongTypesAndUnknownMembersAreFieldErrors() {
        InvalidInputException invalid = assertThrows(InvalidInputException.class,
                () -> NewDevice.from(json("{\"identifier\":7,\"generate\":\"yes\",\"colour\":\"red\"}")));
        assertEquals(List.of("colour", "generate", "identifier"),
                invalid.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aMergePatchTellsAbsentFromNull() {
        DeviceChanges removes = DeviceChanges.from(json("{\"description\":null}"));
        assertTrue(removes.changesDescription());
        assertNull(removes.description());
        assertNull(removes.enabled());

        DeviceChanges disables = DeviceChanges.from(json("{\"enabled\":false}"));
        assertFalse(disables.changesDescription());
        assertEquals(Boolean.FALSE, disables.enabled());

        assertThrows(InvalidInputException.class, () -> DeviceChanges.from(json("{\"enabled\":null}")));
    }

    @Test
    void aNewCredentialIsGivenOrGenerated() {
        assertEquals("twelve chars", NewCredential.from(json("{\"credential\":\"twelve chars\"}")).credentials()
                .resolve());
        assertTrue(NewCredential.from(json("{\"generate\":true}")).generate());
    }

    @Test
    void noRequestRecordPrintsItsSecret() {
        NewDevice own = NewDevice.from(json("{\"identifier\":\"d\",\"credential\":\"a secret value\"}"));
        assertFalse(own.toString().contains("a secret value"), own.toString());
        assertFalse(own.credentials().toString().contains("a secret value"));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
