/**
 * Live device sessions: the WebSocket endpoint devices connect to, one live session per device (the newest wins),
 * resource calls relayed to devices and back without any thread waiting, the devices' data handed to the bucket
 * writer, live statistics, and the events ({@link io.devicehub.session.DeviceConnected},
 * {@link io.devicehub.session.DeviceDisconnected}, {@link io.devicehub.session.DeviceActivity}) that the console
 * follows. Events are fired synchronously on the session's thread (an asynchronous event costs a context capture per
 * event on Payara): observers must be quick and must not block.
 */
package io.devicehub.session;
