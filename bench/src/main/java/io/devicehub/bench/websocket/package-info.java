/**
 * A small WebSocket client on one NIO selector thread, for holding tens of thousands of device sessions from one
 * process: no thread, and only a few hundred bytes of heap, per connection. The JDK's own client cannot be used for
 * this: its {@code HttpClient} cannot bind a source address (loopback gives only about 28,000 ephemeral ports per
 * address, so 50,000 sessions need several 127.0.0.x addresses), and one JDK WebSocket per device costs more memory
 * than the server under test.
 * <p>
 * It speaks just enough of RFC 6455 for the device protocol ({@code docs/protocol.md}): the opening handshake,
 * masked text frames out, unmasked text, close and ping frames in, fragmented messages, and the close handshake.
 */
package io.devicehub.bench.websocket;
