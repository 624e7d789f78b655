package io.devicehub.client;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link Counters}, shared by all sessions of one client. */
final class Traffic {

    final AtomicLong sent = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong sessions = new AtomicLong();

    Counters snapshot() {
        return new Counters(sent.get(), received.get(), answered.get(), sessions.get());
    }
}
