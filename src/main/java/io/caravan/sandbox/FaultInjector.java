package io.caravan.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Picks, with a seeded random draw per request, whether and how a response fails, and shapes
 * hostile bodies: server errors (500 and 503 in turn), 429 with {@code Retry-After} (delta-seconds
 * and HTTP-date in turn), cut-off JSON, HTML pages with status 200, dropped connections, slow answers.
 */
final class FaultInjector {

    /** What happens to one response. */
    enum Fault { NONE, SERVER_ERROR, RATE_LIMITED, MALFORMED, HTML, DROPPED, SLOW }

    private final SplittableRandom random;
    private boolean nextIs503;
    private boolean nextRetryAfterIsDate;

    FaultInjector(long seed) {
        this.random = new SplittableRandom(seed);
    }

    synchronized Fault pick(ResponseFaults faults) {
        double draw = random.nextDouble();
        double[] fractions = {faults.serverErrors(), faults.rateLimited(), faults.malformed(), faults.html(),
            faults.dropped(), faults.slow()};
        Fault[] kinds = {Fault.SERVER_ERROR, Fault.RATE_LIMITED, Fault.MALFORMED, Fault.HTML, Fault.DROPPED, Fault.SLOW};
        double bound = 0;
        for (int i = 0; i < kinds.length; i++) {
            bound += fractions[i];
            if (draw < bound) {
                return kinds[i];
            }
        }
        return Fault.NONE;
    }

    synchronized SandboxResponse serverError() {
        nextIs503 = !nextIs503;
        return nextIs503
                ? SandboxResponse.error(503, "service unavailable")
                : SandboxResponse.error(500, "internal error");
    }

    /**
     * A rate-limit answer asking to wait, as delta-seconds or as an HTTP-date in turn (the date one
     * second later than the delta, as its whole seconds may round the wait down).
     */
    synchronized SandboxResponse rateLimited(ResponseFaults faults) {
        nextRetryAfterIsDate = !nextRetryAfterIsDate;
        int seconds = faults.retryAfterSeconds();
        String retryAfter = nextRetryAfterIsDate
                ? DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(seconds + 1L).atOffset(ZoneOffset.UTC))
                : Integer.toString(seconds);
        return SandboxResponse.error(faults.rateLimitStatus(), "rate limited").withHeader("Retry-After", retryAfter);
    }

    static SandboxResponse malformed(SandboxResponse page) {
        byte[] cut = new byte[page.body().length / 2];
        System.arraycopy(page.body(), 0, cut, 0, cut.length);
        return new SandboxResponse(200, page.headers(), cut);
    }

    static SandboxResponse html() {
        byte[] body = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        return new SandboxResponse(200, Map.of("Content-Type", "text/html; charset=utf-8"), body);
    }

    /** The page with a padding string and nested arrays added as its first fields, as asked. */
    static SandboxResponse shaped(SandboxResponse page, ResponseFaults faults) {
        if ((faults.padBytes() == 0 && faults.nestDepth() == 0) || page.body().length == 0 || page.body()[0] != '{') {
            return page;
        }
        StringBuilder extra = new StringBuilder();
        if (faults.padBytes() > 0) {
            extra.append("\"padding\":\"").append("x".repeat(faults.padBytes())).append("\",");
        }
        if (faults.nestDepth() > 0) {
            extra.append("\"deep\":").append("[".repeat(faults.nestDepth())).append("]".repeat(faults.nestDepth()))
                    .append(',');
        }
        String body = new String(page.body(), StandardCharsets.UTF_8);
        return new SandboxResponse(page.status(), page.headers(), ("{" + extra + body.substring(1))
                .getBytes(StandardCharsets.UTF_8));
    }
}
