package io.devicehub.console.buckets;

import io.devicehub.bucket.Bucket;
import io.devicehub.bucket.BucketData;
import io.devicehub.bucket.BucketReads;
import io.devicehub.bucket.BucketNotFoundException;
import io.devicehub.bucket.Buckets;
import io.devicehub.console.Messages;
import io.devicehub.console.account.CurrentAccount;
import io.devicehub.sampling.SampledResourceCheck;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Backs {@code buckets/bucket.xhtml?id=…}: a bucket's figures, its chart over a chosen range (last hour, day, week,
 * month, or custom; aggregated by the database when the range holds too many records), its records newest first,
 * export, clear and delete. The chart and the figures follow new records through Faces push. A bucket of another
 * account is "not found" (404).
 */
@Named
@ViewScoped
public class BucketPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The ranges offered, ending now. */
    public enum Range {
        HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30)),
        CUSTOM(null);

        private final Duration length;

        Range(Duration length) {
            this.length = length;
        }
    }

    @Inject
    Buckets buckets;

    @Inject
    BucketData data;

    @Inject
    BucketReads reads;

    @Inject
    SampledResourceCheck sourceCheck;

    @Inject
    CurrentAccount account;

    private String identifier;
    private Range range = Range.HOUR;
    private LocalDateTime customFrom;
    private LocalDateTime customTo;
    private RecordTableModel records;
    private BucketChart.Drawn chart;

    public void load() throws IOException {
        if (identifier == null || buckets.find(account.id(), identifier).isEmpty()) {
            BucketPages.notFound();
            return;
        }
        if (records == null) {
            records = new RecordTableModel(reads, account.id(), identifier);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
            customFrom = now.minusDays(1);
            customTo = now.plusMinutes(1);
            refresh();
        }
    }

    /** The bucket as it is now, looked up once per request. */
    public Bucket getBucket() {
        return (Bucket) FacesContext.getCurrentInstance().getAttributes().computeIfAbsent(
                BucketPage.class.getName() + ":" + identifier,
                key -> buckets.find(account.id(), identifier).orElseThrow(() -> new BucketNotFoundException(identifier)));
    }

    /** Draws the chart and resets the table for the range chosen (and, for the last hour…, for now). */
    public void refresh() {
        if (range == Range.CUSTOM && (customFrom == null || customTo == null || !customFrom.isBefore(customTo))) {
            Messages.fieldError("range", "customTo", "must be after the start");
            return;
        }
        long to = to();
        long from = from(to);
        records.range(from, to);
        chart = BucketChart.of(reads, account.id(), identifier, from, to);
    }

    public String getChart() {
        return chart == null ? "" : chart.config();
    }

    /** What the chart shows: "120 records", "mean per 15m, 96 points"… */
    public String getChartSummary() {
        if (chart == null || chart.points() == 0) {
            return "No numeric values in this range.";
        }
        return chart.interval() == null ? chart.points() + (chart.points() == 1 ? " record." : " records.")
                : "Too many records to draw one by one: the mean per " + chart.interval() + ", " + chart.points()
                + " points.";
    }

    public RecordTableModel getRecords() {
        return records;
    }

    /**
     * The query of the export link of the range shown: {@code id=…&format=…&from=…&to=…} for a custom range, {@code
     * last=…} (milliseconds before the download) for the last hour, day…, so that the link stays true as time passes.
     */
    public String exportQuery(String format) {
        String range = this.range == Range.CUSTOM ? "&from=" + from(to()) + "&to=" + to()
                : "&last=" + this.range.length.toMillis();
        return "id=" + identifier + "&format=" + format + range;
    }

    public void toggleEnabled() {
        boolean enable = !getBucket().isEnabled();
        buckets.change(account.id(), identifier, settings -> new io.devicehub.bucket.BucketSettings(
                settings.identifier(), settings.name(), settings.description(), enable, settings.source(),
                settings.sampleDevice(), settings.sampleResource(), settings.sampleSeconds(), settings.writers(),
                settings.retention()), sourceCheck);
        FacesContext.getCurrentInstance().getAttributes().remove(BucketPage.class.getName() + ":" + identifier);
        Messages.info("Bucket " + identifier + (enable ? " enabled." : " disabled: it stores nothing until it is "
                + "enabled again."));
    }

    /** Deletes the records of the range shown. */
    public void clearRange() {
        long to = to();
        long deleted = data.clear(account.id(), identifier, from(to), to);
        Messages.info(deleted + (deleted == 1 ? " record" : " records") + " deleted from " + identifier + ".");
        refresh();
    }

    /** Deletes every record of the bucket. */
    public void clearAll() {
        long deleted = data.clear(account.id(), identifier, 0, Long.MAX_VALUE);
        Messages.info("All " + deleted + (deleted == 1 ? " record" : " records") + " of " + identifier
                + " deleted.");
        refresh();
    }

    public String delete() {
        buckets.delete(account.id(), identifier);
        Messages.infoAfterRedirect("Bucket " + identifier + " deleted, with its records.");
        return "/buckets/index?faces-redirect=true";
    }

    private long to() {
        return range == Range.CUSTOM ? customTo.toInstant(ZoneOffset.UTC).toEpochMilli()
                : Instant.now().toEpochMilli() + 1;
    }

    private long from(long to) {
        return range == Range.CUSTOM ? customFrom.toInstant(ZoneOffset.UTC).toEpochMilli()
                : to - range.length.toMillis();
    }

    public Range[] getRanges() {
        return Range.values();
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public Range getRange() {
        return range;
    }

    public void setRange(Range range) {
        this.range = range;
    }

    public LocalDateTime getCustomFrom() {
        return customFrom;
    }

    public void setCustomFrom(LocalDateTime customFrom) {
        this.customFrom = customFrom;
    }

    public LocalDateTime getCustomTo() {
        return customTo;
    }

    public void setCustomTo(LocalDateTime customTo) {
        this.customTo = customTo;
    }

    /** Whether the bucket samples a resource (and so may show failed samples). */
    public boolean isSampling() {
        return getBucket().getSource() == io.devicehub.bucket.BucketSource.RESOURCE;
    }
}
