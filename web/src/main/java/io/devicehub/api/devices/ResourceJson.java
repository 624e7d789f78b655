package io.devicehub.api.devices;

import io.devicehub.protocol.ResourceDescription;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** What a connected device declared about one resource, and how to call it. */
@Schema(name = "Resource", properties = {
        @SchemaProperty(name = "name", example = "led"),
        @SchemaProperty(name = "kind", enumeration = {"input", "output", "input/output", "run"}, example = "input"),
        @SchemaProperty(name = "description", example = "The green status LED"),
        @SchemaProperty(name = "input", type = SchemaType.OBJECT,
                description = "The device's own {example, schema} of its input."),
        @SchemaProperty(name = "output", type = SchemaType.OBJECT,
                description = "The device's own {example, schema} of its output."),
        @SchemaProperty(name = "method",
                description = "How to call it: GET (output, run) or POST with a JSON body (input, input/output).",
                enumeration = {"GET", "POST"}),
        @SchemaProperty(name = "href", example = "/api/v1/devices/greenhouse-1/resources/led")})
@JsonbPropertyOrder({"name", "kind", "description", "input", "output", "method", "href"})
public record ResourceJson(String name, String kind, String description, JsonObject input, JsonObject output,
        String method, String href) {

    /**
     * @param apiPath the API's path on this server, e.g. {@code /api/}; identifiers and resource names never need
     *                escaping in a URL
     */
    static ResourceJson of(String apiPath, String device, ResourceDescription resource) {
        return new ResourceJson(resource.name(), resource.kind().wireName(), resource.description(),
                resource.input(), resource.output(), resource.kind().takesInput() ? "POST" : "GET",
                apiPath + "v1/devices/" + device + "/resources/" + resource.name());
    }
}
