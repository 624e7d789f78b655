package io.devicehub.console.buckets;

import io.devicehub.bucket.Bucket;
import io.devicehub.bucket.BucketSource;
import io.devicehub.bucket.RetentionPeriod;
import io.devicehub.bucket.RetentionUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** How console pages name a bucket's source and retention. */
@Named
@ApplicationScoped
public class BucketText {

    /** "temperature of sensor-1 every 60 s", "data messages of all devices", "the API". */
    public String source(Bucket bucket) {
        return switch (bucket.getSource()) {
            case RESOURCE -> bucket.getSampleResource() + " of " + bucket.getSampleDevice() + " every "
                    + seconds(bucket.getSampleSeconds());
            case DEVICES -> "data messages of " + (bucket.getWriters().isEmpty() ? "all devices"
                    : String.join(", ", bucket.getWriters().stream().sorted().toList()));
            case API -> "the REST API";
        };
    }

    /** The source picker's labels. */
    public String sourceLabel(BucketSource source) {
        return switch (source) {
            case RESOURCE -> "Sample a device resource";
            case DEVICES -> "Data messages from devices";
            case API -> "Writes through the REST API";
        };
    }

    /** "forever", "30 days", "1 year". */
    public String retention(RetentionPeriod retention) {
        if (retention.isForever()) {
            return "forever";
        }
        String unit = unitLabel(retention.unit());
        return retention.amount() + " " + (retention.amount() == 1 ? unit.substring(0, unit.length() - 1) : unit);
    }

    public String unitLabel(RetentionUnit unit) {
        return unit.wireName();
    }

    private static String seconds(Integer seconds) {
        if (seconds == null) {
            return "";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
