package io.devicehub.session;

import io.devicehub.device.AuthenticatedDevice;
import io.devicehub.device.DeviceAuthentication;
import io.devicehub.device.DeviceAuthentication.Verdict;
import io.devicehub.protocol.Inbound;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Authenticates connecting devices without holding the WebSocket's thread for the expensive part. The quick check
 * (an HMAC, microseconds) runs on the caller's thread; the rare full PBKDF2 check (about 140 ms) runs on a single
 * container-managed thread, so that credential checks never take more than one core, with a bounded queue: when it
 * is full the device is told to come back later (close code 1013) instead of piling up work.
 */
@ApplicationScoped
public class DeviceLogin {

    /** Authentication failed: wrong or unknown account, device or credential, or a disabled device. */
    static final class Rejected extends RuntimeException {
        Rejected() {
            super("Authentication failed.", null, false, false);
        }
    }

    /** The full-check queue is full. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("Too many credential checks are waiting.", null, false, false);
        }
    }

    @Inject
    DeviceAuthentication authentication;

    @Inject
    SessionSettings settings;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ThreadPoolExecutor fullChecks;

    @PostConstruct
    void start() {
        fullChecks = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.credentialCheckQueue())), threads);
    }

    /**
     * @return the authenticated device, or a stage failed with {@link Rejected}, {@link Busy} or
     *         {@link io.devicehub.credential.TooManyAttemptsException}
     */
    CompletionStage<AuthenticatedDevice> authenticate(Inbound.Auth auth, String remoteAddress) {
        try {
            Verdict verdict = authentication.quickCheck(auth.account(), auth.device(), auth.credential(), remoteAddress);
            return switch (verdict.outcome()) {
                case ACCEPTED -> CompletableFuture.completedFuture(verdict.device());
                case REJECTED -> CompletableFuture.failedFuture(new Rejected());
                case FULL_CHECK -> fullCheck(auth, remoteAddress);
            };
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletionStage<AuthenticatedDevice> fullCheck(Inbound.Auth auth, String remoteAddress) {
        CompletableFuture<AuthenticatedDevice> result = new CompletableFuture<>();
        try {
            fullChecks.execute(() -> {
                try {
                    authentication.fullCheck(auth.account(), auth.device(), auth.credential(), remoteAddress)
                            .ifPresentOrElse(result::complete, () -> result.completeExceptionally(new Rejected()));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException full) {
            result.completeExceptionally(new Busy());
        }
        return result;
    }

    @PreDestroy
    void stop() {
        fullChecks.shutdownNow();
    }
}
