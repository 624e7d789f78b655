/** Wiring that only the web module can do: registering the device WebSocket endpoint with the container. */
package io.devicehub.web;
