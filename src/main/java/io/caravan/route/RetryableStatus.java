package io.caravan.route;

/** HTTP statuses worth sending the same request again for: throttling and transient server errors. */
final class RetryableStatus {

    private RetryableStatus() {
    }

    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }
}
