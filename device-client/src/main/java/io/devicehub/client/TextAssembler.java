package io.devicehub.client;

/**
 * Joins the parts in which the JDK WebSocket delivers a text message (its {@code last} flag marks the end) into
 * whole messages, with a bound so that a misbehaving peer cannot make the device buffer without end.
 */
final class TextAssembler {

    private final StringBuilder buffer = new StringBuilder();
    private final int maxChars;

    TextAssembler(int maxChars) {
        this.maxChars = maxChars;
    }

    /**
     * Adds one part.
     *
     * @return the whole message after its last part, otherwise {@code null}
     * @throws IllegalStateException when the message grows beyond the bound; the assembler starts over
     */
    String append(CharSequence part, boolean last) {
        if (buffer.length() + part.length() > maxChars) {
            buffer.setLength(0);
            throw new IllegalStateException("a message longer than " + maxChars + " characters");
        }
        if (last && buffer.length() == 0) {
            return part.toString();
        }
        // Copy now: the WebSocket may reuse the part's buffer once onText returns.
        buffer.append(part);
        if (!last) {
            return null;
        }
        String message = buffer.toString();
        buffer.setLength(0);
        return message;
    }
}
