package io.devicehub.api.devices;

import io.devicehub.device.Device;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;

/** The answer to re-keying a device. */
@Schema(name = "CredentialChange", properties = {
        @SchemaProperty(name = "credentialChangedAt", type = SchemaType.STRING, format = "date-time"),
        @SchemaProperty(name = "identifier", example = "greenhouse-1"),
        @SchemaProperty(name = "credential", description = "Only when generated, once: copy it into the device now.",
                example = "Qm3b8ZtL0cVx7NwR2kHs9YaE")})
@JsonbPropertyOrder({"identifier", "credentialChangedAt", "credential"})
public record CredentialJson(String identifier, Instant credentialChangedAt, String credential) {

    static CredentialJson of(Device device, String generated) {
        return new CredentialJson(device.getIdentifier(), device.getCredentialChangedAt(), generated);
    }

    @Override
    public String toString() {
        return "CredentialJson[identifier=" + identifier + ", credential=<hidden>]";
    }
}
