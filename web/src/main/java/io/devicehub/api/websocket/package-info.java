/**
 * The WebSocket API for programs, at {@code /ws/api} (docs/api-websocket.md): resource calls multiplexed on one
 * socket by correlation id, and subscriptions to what devices do, pushed instead of polled. It authenticates with
 * the API's tokens and applies the same scopes, device and resource limits and problem types as the REST API.
 */
package io.devicehub.api.websocket;
