package io.devicehub.bench.calls;

import java.time.Duration;

/** A way of putting load on a {@link CallTarget}: closed loop or fixed rate. */
public interface LoadDriver {

    LoadResult run(Duration duration) throws InterruptedException;
}
