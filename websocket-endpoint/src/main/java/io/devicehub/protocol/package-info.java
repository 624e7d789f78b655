/**
 * The device protocol of docs/protocol.md: the messages devices and the server exchange, how they are read
 * (with every rule checked) and written, and the close codes.
 */
package io.devicehub.protocol;
