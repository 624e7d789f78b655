package io.devicehub.bucket;

import io.devicehub.device.DeviceDescription;
import io.devicehub.device.DeviceIdentifier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * What a bucket is created or changed with. Rules that concern one field are annotations here; the ones between
 * fields (what each source needs) are checked by {@link Buckets}.
 *
 * @param identifier     unique among the account's buckets, as device identifiers: 1–32 of {@code A-Za-z0-9_-}
 * @param sampleDevice   for {@link BucketSource#RESOURCE}: the device whose output resource is sampled
 * @param sampleResource for {@link BucketSource#RESOURCE}: that resource
 * @param sampleSeconds  for {@link BucketSource#RESOURCE}: how often, in seconds
 * @param writers        for {@link BucketSource#DEVICES}: the devices that may write; empty or {@code null} for all
 */
public record BucketSettings(
        @DeviceIdentifier String identifier,
        @NotBlank(message = "is required") @Size(max = NAME_MAX, message = "must be at most 64 characters") String name,
        @DeviceDescription String description,
        boolean enabled,
        @NotNull(message = "is required") BucketSource source,
        String sampleDevice,
        String sampleResource,
        Integer sampleSeconds,
        Set<String> writers,
        @NotNull(message = "is required") RetentionPeriod retention) {

    public static final int NAME_MAX = 64;
    public static final int MIN_SAMPLE_SECONDS = 1;
    public static final int MAX_SAMPLE_SECONDS = 86_400;
    public static final int MAX_WRITERS = 100;
    /** A resource name as devices declare them (docs/protocol.md). */
    public static final String RESOURCE_PATTERN = "[A-Za-z0-9_.-]{1,64}";

    public BucketSettings {
        writers = writers == null ? Set.of() : Set.copyOf(writers);
    }
}
