package io.caravan.sandbox;

import java.util.SplittableRandom;

/** Answers a seeded fraction of requests with 500 or 503, alternately. */
final class FaultInjector {

    private final SplittableRandom random;
    private boolean nextIs503;

    FaultInjector(long seed) {
        this.random = new SplittableRandom(seed);
    }

    synchronized SandboxResponse maybeFail(double rate) {
        if (rate <= 0 || random.nextDouble() >= rate) {
            return null;
        }
        nextIs503 = !nextIs503;
        return nextIs503
                ? SandboxResponse.error(503, "service unavailable")
                : SandboxResponse.error(500, "internal error");
    }
}
