package io.devicehub.api.devices;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.util.List;

/** The resources a connected device declared (those the token may call, when it is limited to some). */
@Schema(name = "DeviceResources", properties = {
        @SchemaProperty(name = "device", example = "greenhouse-1")})
@JsonbPropertyOrder({"device", "resources"})
public record DeviceResourcesJson(String device, List<ResourceJson> resources) {
}
