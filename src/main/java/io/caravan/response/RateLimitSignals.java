package io.caravan.response;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * How an API says how long to wait: {@code Retry-After} (delta-seconds or an HTTP-date) on a
 * rate-limit answer (429, and any status declared as one, such as GitHub's 403), and a remaining
 * budget with its reset time ({@code X-RateLimit-Remaining} / {@code X-RateLimit-Reset}, names
 * configurable; the reset as epoch seconds or seconds from now, told apart by size), read on every
 * answer so a run pauses before the budget is spent rather than after a 429.
 *
 * @param statuses        the statuses that mean "rate limited"
 * @param remainingHeader the header with the requests left in the current window
 * @param resetHeader     the header with when the window resets
 * @param reserve         pause once the requests left are at most this many
 */
public record RateLimitSignals(Set<Integer> statuses, String remainingHeader, String resetHeader, int reserve) {

    /** Resets above this many seconds are epoch seconds; below, seconds from now. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    /** Whether {@code failure} is a rate-limit answer. */
    public boolean isRateLimited(Object failure) {
        return failure instanceof HttpOperationFailedException http && statuses.contains(http.getStatusCode());
    }

    /**
     * How long a rate-limited or unavailable answer asks to wait before the retry: its
     * {@code Retry-After}, else, on a rate-limit answer, until its window resets.
     */
    public Optional<Duration> waitAfter(HttpOperationFailedException failure, Instant now) {
        Map<String, String> headers = failure.getResponseHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = header(headers, "Retry-After").flatMap(value -> retryAfter(value, now));
        if (retryAfter.isPresent() || !statuses.contains(failure.getStatusCode())) {
            return retryAfter;
        }
        return header(headers, resetHeader).flatMap(value -> untilReset(value, now));
    }

    /** How long to pause before the next request after a good answer: until the reset, once the budget is spent. */
    public Optional<Duration> pauseAfter(Map<String, Object> headers, Instant now) {
        Object remaining = headers.get(remainingHeader);
        Object reset = headers.get(resetHeader);
        if (remaining == null || reset == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(remaining.toString().trim()) > reserve) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return untilReset(reset.toString(), now);
    }

    private static Optional<Duration> retryAfter(String value, Instant now) {
        String trimmed = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Duration> untilReset(String value, Instant now) {
        try {
            long reset = (long) Math.ceil(Double.parseDouble(value.trim()));
            if (reset < EPOCH_THRESHOLD) {
                return Optional.of(Duration.ofSeconds(Math.max(0, reset)));
            }
            Instant at = Instant.ofEpochSecond(reset);
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }
}
