package io.devicehub.console.buckets;

import io.devicehub.bucket.BucketReads;
import io.devicehub.bucket.BucketRecords.StoredRecord;
import io.devicehub.bucket.RecordRange;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bucket's records of a time range for the bucket page's table, newest first, a page at a time. Pages are read by
 * the timestamp where the previous one ended (never by an offset the database would have to count through), so
 * records that arrive meanwhile never shift a page; a jump ahead walks the pages in between. The count stops at
 * {@value #COUNTED}: a range of millions pages as fast as a small one.
 */
public class RecordTableModel extends LazyDataModel<StoredRecord> {

    private static final long serialVersionUID = 1L;

    /** The most records the table counts (and so pages through). */
    static final int COUNTED = 10_000;

    private final BucketReads data;
    private final long accountId;
    private final String bucket;
    private long from;
    private long to;
    /** Where each page read so far starts: the row index → the timestamp its records are older than. */
    private final TreeMap<Integer, Long> pageStarts = new TreeMap<>();

    RecordTableModel(BucketReads data, long accountId, String bucket) {
        this.data = data;
        this.accountId = accountId;
        this.bucket = bucket;
    }

    /** Shows the records of {@code [from, to)} from the newest on. */
    void range(long from, long to) {
        this.from = from;
        this.to = to;
        pageStarts.clear();
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(data.count(accountId, bucket, from, to, COUNTED));
    }

    @Override
    public List<StoredRecord> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                   Map<String, FilterMeta> filterBy) {
        int size = Math.min(Math.max(pageSize, 1), RecordRange.MAX_LIMIT);
        pageStarts.putIfAbsent(0, to);
        Map.Entry<Integer, Long> known = pageStarts.floorEntry(first);
        int at = known.getKey();
        long before = known.getValue();
        while (true) {
            int wanted = at < first ? Math.min(first - at, RecordRange.MAX_LIMIT) : size;
            List<StoredRecord> page = data.read(accountId, bucket, new RecordRange(from, before, true, wanted));
            if (page.isEmpty()) {
                return List.of();
            }
            long next = page.get(page.size() - 1).ts();
            pageStarts.put(at + page.size(), next);
            if (at == first) {
                return page;
            }
            at += page.size();
            before = next;
            if (page.size() < wanted) {
                return List.of();
            }
        }
    }

    @Override
    public String getRowKey(StoredRecord record) {
        return Long.toString(record.ts());
    }

    @Override
    public StoredRecord getRowData(String rowKey) {
        return null; // rows are not selectable
    }
}
