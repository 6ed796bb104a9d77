package io.caravan.kamelet;

import io.caravan.response.RetryRules;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * A {@code retryWhile} predicate for the error handler of a route that uses the Kamelet (a Kamelet
 * route runs under its caller's error handler): retry what the route template retries (429, 408,
 * 5xx, I/O errors, bad bodies, a 401 once when the token can be renewed, an expired cursor by
 * restarting the pass) while fewer than {@code maxRetries} retries were made. Deciding to retry, it
 * also does what the template's error handler does before a retry: the wait the API asked for
 * (Retry-After) replaces the caller's delay, and the request is prepared afresh.
 */
public final class KameletRetryPolicy implements Predicate {

    private int maxRetries = 5;

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean matches(Exchange exchange) {
        Integer retries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        RetryRules rules = RetryRules.of(exchange);
        if (retries >= maxRetries || rules == null) {
            return false;
        }
        if (exchange.getProperty(Exchange.EXCEPTION_CAUGHT) == null) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, exchange.getException());
        }
        if (!rules.retryable(exchange)) {
            return false;
        }
        rules.retried(exchange);
        rules.retryDelay(exchange);
        return true;
    }
}
