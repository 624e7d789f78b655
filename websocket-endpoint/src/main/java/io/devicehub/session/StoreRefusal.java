package io.devicehub.session;

import io.devicehub.bucket.BucketNotFoundException;
import io.devicehub.bucket.SlowDownException;
import io.devicehub.bucket.WriteRefusedException;
import io.devicehub.common.InvalidInputException;
import io.devicehub.protocol.Outbound;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Why a device's record was not stored, as the protocol tells it (docs/protocol.md, "data"): an error code, a
 * message in plain words, and for "slow down" when to send it again. Nothing of the server's inside reaches the
 * device.
 */
public record StoreRefusal(String code, String message, long retryAfterSeconds) {

    private static final Logger LOG = Logger.getLogger(StoreRefusal.class.getName());

    public static StoreRefusal of(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof SlowDownException slow) {
            return new StoreRefusal("slow-down", slow.getMessage(), Math.max(1, slow.retryAfter().toSeconds()));
        }
        if (cause instanceof InvalidInputException invalid) {
            var error = invalid.errors().get(0);
            String field = error.field().substring(error.field().lastIndexOf('.') + 1);
            return new StoreRefusal("invalid-data", "'" + field + "' " + error.message() + ".", 0);
        }
        if (cause instanceof BucketNotFoundException unknown) {
            return new StoreRefusal("unknown-bucket", unknown.getMessage(), 0);
        }
        if (cause instanceof WriteRefusedException refused) {
            return new StoreRefusal(switch (refused.reason()) {
                case DISABLED -> "bucket-disabled";
                case OTHER_SOURCE -> "wrong-source";
                case NOT_A_WRITER -> "not-a-writer";
            }, refused.getMessage(), 0);
        }
        LOG.log(Level.FINE, "a device's record could not be stored", cause);
        return new StoreRefusal("server-error", "The record could not be stored; send it again.", 0);
    }

    /**
     * What to tell the device: with an id, every refusal; without one, only that it should slow down (it asked for
     * no answers).
     */
    Optional<String> answer(String id) {
        if (code.equals("slow-down")) {
            return Optional.of(Outbound.slowDown(id, message, retryAfterSeconds));
        }
        return id == null ? Optional.empty() : Optional.of(Outbound.callError(code, id, message));
    }
}
