/**
 * The device side of the DeviceHub WebSocket protocol ({@code docs/protocol.md}): a firmware declares its
 * {@link io.devicehub.client.Resource resources}, and a {@link io.devicehub.client.DeviceClient} keeps it connected,
 * describes the resources, answers calls, pushes data and reconnects with backoff.
 *
 * <p>Only the JDK's {@link java.net.http.WebSocket} and Jakarta JSON Processing are used, so the SDK fits small
 * gateways and test rigs alike.
 */
package io.devicehub.client;
