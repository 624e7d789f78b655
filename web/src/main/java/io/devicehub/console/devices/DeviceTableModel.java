package io.devicehub.console.devices;

import io.devicehub.device.DeviceQuery;
import io.devicehub.device.DeviceSort;
import io.devicehub.session.DeviceOverview;
import io.devicehub.session.DeviceOverview.Presence;
import io.devicehub.session.DeviceView;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.List;
import java.util.Map;

/**
 * Feeds the devices table one page at a time from {@link DeviceOverview}: paging, sorting, the text search and the
 * online/offline filter all happen in the database (online devices are known to the live sessions), so the table
 * stays fast with thousands of devices. The search and the filter are set by the page's toolbar, outside the table,
 * so that live refreshes of the table never disturb what the user is typing.
 */
public class DeviceTableModel extends LazyDataModel<DeviceView> {

    private static final long serialVersionUID = 1L;

    private final DeviceOverview overview;
    private final long accountId;
    private Presence presence = Presence.ANY;
    private String text;

    DeviceTableModel(DeviceOverview overview, long accountId) {
        this.overview = overview;
        this.accountId = accountId;
    }

    void show(Presence shown) {
        this.presence = shown;
    }

    void search(String searched) {
        this.text = searched == null || searched.isBlank() ? null : searched.strip();
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(overview.count(accountId, text, presence));
    }

    @Override
    public List<DeviceView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                 Map<String, FilterMeta> filterBy) {
        DeviceSort sort = DeviceSort.CREATED;
        boolean ascending = false;
        for (SortMeta meta : sortBy.values()) {
            sort = sortFor(meta.getField());
            ascending = meta.getOrder() != SortOrder.DESCENDING;
        }
        int limit = Math.min(Math.max(pageSize, 1), DeviceQuery.MAX_LIMIT);
        return overview.list(accountId, new DeviceQuery(text, first, limit, sort, ascending), presence)
                .items();
    }

    @Override
    public String getRowKey(DeviceView view) {
        return view.device().getIdentifier();
    }

    @Override
    public DeviceView getRowData(String rowKey) {
        return overview.find(accountId, rowKey).orElse(null);
    }

    private static DeviceSort sortFor(String field) {
        return switch (field) {
            case "identifier" -> DeviceSort.IDENTIFIER;
            case "description" -> DeviceSort.DESCRIPTION;
            default -> DeviceSort.CREATED;
        };
    }
}
