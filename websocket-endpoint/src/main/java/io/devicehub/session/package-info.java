/**
 * Live device sessions: the WebSocket endpoint devices connect to, one live session per device (the newest wins),
 * resource calls relayed to devices and back without any thread waiting, live statistics, and the events
 * ({@link io.devicehub.session.DeviceConnected}, {@link io.devicehub.session.DeviceDisconnected},
 * {@link io.devicehub.session.DeviceActivity}, {@link io.devicehub.session.DeviceDataPushed}) that the console
 * follows. Events are fired asynchronously: observe them with {@code @ObservesAsync}.
 */
package io.devicehub.session;
