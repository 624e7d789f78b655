package io.devicehub.console.devices;

import io.devicehub.device.Device;
import io.devicehub.device.DeviceQuery;
import io.devicehub.device.DeviceSort;
import io.devicehub.device.Devices;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.List;
import java.util.Map;

/**
 * Feeds the devices table one page at a time from {@link Devices#list}: paging, sorting and the global text filter
 * all happen in the database, so the table stays fast with thousands of devices.
 */
public class DeviceTableModel extends LazyDataModel<Device> {

    private static final long serialVersionUID = 1L;

    private final Devices devices;
    private final long accountId;

    DeviceTableModel(Devices devices, long accountId) {
        this.devices = devices;
        this.accountId = accountId;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(devices.count(accountId, text(filterBy)));
    }

    @Override
    public List<Device> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        DeviceSort sort = DeviceSort.CREATED;
        boolean ascending = false;
        for (SortMeta meta : sortBy.values()) {
            sort = sortFor(meta.getField());
            ascending = meta.getOrder() != SortOrder.DESCENDING;
        }
        int limit = Math.min(Math.max(pageSize, 1), DeviceQuery.MAX_LIMIT);
        return devices.list(accountId, new DeviceQuery(text(filterBy), first, limit, sort, ascending)).items();
    }

    @Override
    public String getRowKey(Device device) {
        return device.getIdentifier();
    }

    @Override
    public Device getRowData(String rowKey) {
        return devices.find(accountId, rowKey).orElse(null);
    }

    private static String text(Map<String, FilterMeta> filterBy) {
        FilterMeta global = filterBy.get(FilterMeta.GLOBAL_FILTER_KEY);
        Object value = global == null ? null : global.getFilterValue();
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.length() > 100 ? text.substring(0, 100) : text;
    }

    private static DeviceSort sortFor(String field) {
        return switch (field) {
            case "identifier" -> DeviceSort.IDENTIFIER;
            case "description" -> DeviceSort.DESCRIPTION;
            default -> DeviceSort.CREATED;
        };
    }
}
