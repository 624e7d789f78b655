package io.devicehub.api.devices;

import io.devicehub.session.CallResult;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** What a device answered to a call. */
@Schema(name = "CallResult", properties = {
        @SchemaProperty(name = "device", example = "greenhouse-1"),
        @SchemaProperty(name = "resource", example = "temperature"),
        @SchemaProperty(name = "output",
                description = "The device's output, any JSON; only for output and input/output resources.",
                example = "{\"celsius\": 21.7}"),
        @SchemaProperty(name = "durationMs", description = "Round trip to the device in milliseconds.",
                example = "35")})
@JsonbPropertyOrder({"device", "resource", "output", "durationMs"})
public record CallResultJson(String device, String resource, JsonValue output, long durationMs) {

    static CallResultJson of(String device, String resource, CallResult result) {
        return new CallResultJson(device, resource, result.output(), result.duration().toMillis());
    }
}
