package io.caravan.response;

import io.caravan.response.BadResponseException;
import java.io.IOException;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Failures worth sending the same request again for: throttling, transient server errors, I/O
 * errors (a read timeout, a dropped connection), and a body that may come good (cut off, HTML).
 */
public final class RetryableFailure {

    private RetryableFailure() {
    }

    /** Whether {@code failure} is worth sending the same request again. */
    public static boolean isRetryable(Object failure) {
        if (failure instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
        }
        if (failure instanceof BadResponseException bad) {
            return bad.retryable();
        }
        return failure instanceof IOException;
    }
}
