package io.caravan.config;

import static io.caravan.config.Parameters.ADAPTIVE_RATE;
import static io.caravan.config.Parameters.MAX_CONCURRENT_REQUESTS;
import static io.caravan.config.Parameters.MAX_HEADER_BYTES;
import static io.caravan.config.Parameters.MAX_JSON_DEPTH;
import static io.caravan.config.Parameters.MAX_JSON_NAME_LENGTH;
import static io.caravan.config.Parameters.MAX_JSON_NUMBER_LENGTH;
import static io.caravan.config.Parameters.MAX_JSON_STRING_LENGTH;
import static io.caravan.config.Parameters.MAX_RESPONSE_BYTES;
import static io.caravan.config.Parameters.MAX_WAIT_SECONDS;
import static io.caravan.config.Parameters.RATE_LIMIT_REMAINING_HEADER;
import static io.caravan.config.Parameters.RATE_LIMIT_RESERVE;
import static io.caravan.config.Parameters.RATE_LIMIT_RESET_HEADER;
import static io.caravan.config.Parameters.RATE_LIMIT_STATUSES;
import static io.caravan.config.Parameters.REQUESTS_PER_SECOND;
import static io.caravan.config.Parameters.RESPONSE_TIMEOUT_MS;

import io.caravan.response.BodyLimits;
import io.caravan.response.RateLimitSignals;
import io.caravan.response.ResponseReader;
import java.time.Duration;
import java.util.Set;

/**
 * The bounds a source keeps: the time a whole response may take, the size of its headers, the size
 * and parser limits of its body, the API's rate-limit signals, the longest wait, and the host's budget.
 *
 * @param responseTimeout       the longest a whole response may take, headers to last byte
 * @param maxHeaderBytes        the largest block of response headers read
 * @param reader                how a response body is read, within its limits
 * @param rateLimits            how the API signals its rate limit
 * @param maxWait               the longest single wait for a rate limit; a longer one fails the run
 * @param requestsPerSecond     the host's known limit (0: none), or where an adaptive budget starts
 * @param adaptiveRate          whether the host's budget adapts to its 429s
 * @param maxConcurrentRequests the most requests in flight to the host at once (0: no limit)
 */
public record LimitSettings(Duration responseTimeout, int maxHeaderBytes, ResponseReader reader, RateLimitSignals rateLimits, Duration maxWait,
        int requestsPerSecond, boolean adaptiveRate, int maxConcurrentRequests) {

    /** Whether requests to the host pass a budget (a rate, adaptive or known, or a cap on those in flight). */
    public boolean budgeted() {
        return requestsPerSecond > 0 || adaptiveRate || maxConcurrentRequests > 0;
    }

    static LimitSettings read(SourceParameters p) {
        Set<Integer> statuses = p.parseRequired(RATE_LIMIT_STATUSES,
                value -> Set.copyOf(SourceParameters.items(value).stream().map(Integer::valueOf).toList()));
        BodyLimits body = new BodyLimits(p.require(MAX_RESPONSE_BYTES), p.require(MAX_JSON_DEPTH),
                p.require(MAX_JSON_STRING_LENGTH), p.require(MAX_JSON_NUMBER_LENGTH), p.require(MAX_JSON_NAME_LENGTH));
        return new LimitSettings(Duration.ofMillis(p.require(RESPONSE_TIMEOUT_MS)), p.require(MAX_HEADER_BYTES),
                new ResponseReader(body),
                new RateLimitSignals(statuses, p.require(RATE_LIMIT_REMAINING_HEADER), p.require(RATE_LIMIT_RESET_HEADER),
                        p.get(RATE_LIMIT_RESERVE, 0)),
                Duration.ofSeconds(p.require(MAX_WAIT_SECONDS)), p.get(REQUESTS_PER_SECOND, 0), p.get(ADAPTIVE_RATE),
                p.get(MAX_CONCURRENT_REQUESTS, 0));
    }
}
