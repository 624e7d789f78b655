/**
 * {@code /api/v1/devices}: the account's devices (list, register, read with live statistics, change, enable or
 * disable, re-key, delete, connection history) and {@code /api/v1/devices/{id}/resources}: what a connected device
 * declared, and calls of it, answered asynchronously.
 */
package io.devicehub.api.devices;
