package io.devicehub.api.devices;

import io.devicehub.common.Page;
import io.devicehub.session.DeviceView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.util.List;

/** One page of devices, and how many match in all. */
@Schema(name = "DevicePage", properties = {
        @SchemaProperty(name = "total", description = "How many devices match in all.", example = "42"),
        @SchemaProperty(name = "offset", example = "0"),
        @SchemaProperty(name = "limit", example = "20")})
@JsonbPropertyOrder({"items", "total", "offset", "limit"})
public record DevicePageJson(List<DeviceJson> items, long total, int offset, int limit) {

    static DevicePageJson of(Page<DeviceView> page) {
        return new DevicePageJson(page.items().stream().map(DeviceJson::of).toList(), page.total(), page.offset(),
                page.limit());
    }
}
