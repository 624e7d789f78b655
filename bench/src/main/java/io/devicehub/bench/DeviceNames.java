package io.devicehub.bench;

/**
 * The identifiers of seeded devices, {@code d000000}, {@code d000001} …: every command addresses devices by index,
 * so that seeding and the benchmarks agree without sharing anything but the account name.
 */
public final class DeviceNames {

    private DeviceNames() {
    }

    public static String of(int index) {
        if (index < 0 || index > 9_999_999) {
            throw new IllegalArgumentException("device index out of range: " + index);
        }
        return String.format("d%06d", index);
    }
}
