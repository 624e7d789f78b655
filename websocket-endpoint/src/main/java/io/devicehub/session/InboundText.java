package io.devicehub.session;

import jakarta.websocket.MessageHandler;

/**
 * Reads one connection's text messages piece by piece as the container delivers them (a frame, or a fragment of
 * one), counting their UTF-8 bytes as they come, so that the protocol's limit holds in bytes and before a message is
 * held whole: past {@code maxBytes}, or past {@value #MAX_PIECES} fragments, the connection is closed (1009) and
 * nothing more of the message is kept. The container decodes every piece into whole characters, so the counts add up
 * to exactly the bytes received. Used by the connection's reading thread only.
 */
final class InboundText implements MessageHandler.Partial<String> {

    /** Far more fragments than any device needs to send 64 KiB; an endless stream of empty ones is refused. */
    static final int MAX_PIECES = 1024;

    private final DeviceConnection connection;
    private final int maxBytes;
    private final StringBuilder pending = new StringBuilder();
    private long bytes;
    private int pieces;
    private boolean refused;

    InboundText(DeviceConnection connection, int maxBytes) {
        this.connection = connection;
        this.maxBytes = maxBytes;
    }

    @Override
    public void onMessage(String piece, boolean last) {
        if (refused) {
            return;
        }
        bytes += Traffic.utf8Length(piece);
        pieces++;
        if (bytes > maxBytes || pieces > MAX_PIECES) {
            refused = true;
            pending.setLength(0);
            connection.tooBig(bytes > maxBytes ? "message larger than " + maxBytes + " bytes"
                    : "message in more than " + MAX_PIECES + " fragments");
            return;
        }
        if (!last) {
            pending.append(piece);
            return;
        }
        String message = pending.isEmpty() ? piece : pending.append(piece).toString();
        long size = bytes;
        pending.setLength(0);
        bytes = 0;
        pieces = 0;
        connection.onText(message, size);
    }
}
