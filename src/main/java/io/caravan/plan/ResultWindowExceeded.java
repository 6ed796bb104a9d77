package io.caravan.plan;

/** A slice holds more records than the API pages through in one query: it is to be split. */
public final class ResultWindowExceeded extends RuntimeException {

    public ResultWindowExceeded(String message) {
        super(message);
    }
}
