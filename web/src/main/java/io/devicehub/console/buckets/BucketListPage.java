package io.devicehub.console.buckets;

import io.devicehub.bucket.Bucket;
import io.devicehub.bucket.Buckets;
import io.devicehub.common.Page;
import io.devicehub.console.account.CurrentAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs {@code buckets/index.xhtml}: the account's buckets, newest first, with their source, record count and last
 * write; refreshed through Faces push when records arrive.
 */
@Named
@RequestScoped
public class BucketListPage {

    /** The most buckets the page lists. */
    static final int SHOWN = 500;

    @Inject
    Buckets buckets;

    @Inject
    CurrentAccount account;

    private Page<Bucket> page;

    public List<Bucket> getBuckets() {
        return page().items();
    }

    /** The number of buckets, when there are more than the page lists. */
    public long getTotal() {
        return page().total();
    }

    public int getShown() {
        return SHOWN;
    }

    private Page<Bucket> page() {
        if (page == null) {
            page = buckets.list(account.id(), 0, SHOWN);
        }
        return page;
    }
}
