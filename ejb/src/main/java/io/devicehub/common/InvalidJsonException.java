package io.devicehub.common;

import jakarta.json.stream.JsonLocation;

/**
 * A document from outside is not JSON, or breaks one of {@link StrictJson}'s rules. The message says what and
 * where, in words fit for the sender, to follow "… is not valid JSON: ".
 */
public class InvalidJsonException extends DeviceHubException {

    private final String reason;

    public InvalidJsonException(String reason, JsonLocation at) {
        super(reason + (at == null || at.getLineNumber() < 0 ? "" : " (line " + at.getLineNumber() + ", column "
                + at.getColumnNumber() + ")") + ".");
        this.reason = reason;
    }

    /** What was wrong, without where. */
    public String reason() {
        return reason;
    }
}
