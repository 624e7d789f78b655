package io.devicehub.protocol;

import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.List;

/** A message from a device, read and checked by {@link InboundCodec}. */
public sealed interface Inbound {

    /** The first message: who the device is and its credential. */
    record Auth(String account, String device, String credential) implements Inbound {

        @Override
        public String toString() {
            return "Auth[account=" + account + ", device=" + device + ", credential=<hidden>]";
        }
    }

    /** The resources programmed in the device. */
    record Describe(List<ResourceDescription> resources) implements Inbound {
    }

    /** The answer to a call; {@code output} is {@code null} when the device sent none. */
    record Result(String id, JsonValue output) implements Inbound {
    }

    /** The device reports that a call failed. */
    record CallFailed(String id, String message) implements Inbound {
    }

    /**
     * A value for a data bucket; {@code timestamp} is {@code null} when the device gave none, {@code id} when it
     * wants no answer (with an id the server answers {@code stored} once the record is committed, or an error).
     */
    record Data(String bucket, JsonValue value, Instant timestamp, String id) implements Inbound {
    }

    /** Keep-alive. */
    record Ping() implements Inbound {
    }
}
