package io.devicehub.device;

/** The orders a device list can be sorted in. */
public enum DeviceSort {
    IDENTIFIER("identifier"),
    DESCRIPTION("description"),
    CREATED("createdAt");

    final String attribute;

    DeviceSort(String attribute) {
        this.attribute = attribute;
    }
}
