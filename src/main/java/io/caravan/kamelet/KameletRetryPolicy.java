package io.caravan.kamelet;

import io.caravan.route.RetryableFailure;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * A {@code retryWhile} predicate for the error handler of a route that uses the Kamelet (a Kamelet
 * route runs under its caller's error handler): retry what the route template retries (429, 408,
 * 5xx, I/O errors) while fewer than {@code maxRetries} retries were made.
 */
public final class KameletRetryPolicy implements Predicate {

    private int maxRetries = 5;

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean matches(Exchange exchange) {
        Integer retries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return retries < maxRetries && RetryableFailure.isRetryable(failure);
    }
}
