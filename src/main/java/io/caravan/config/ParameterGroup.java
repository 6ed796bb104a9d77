package io.caravan.config;

/** The concern a route template parameter belongs to: how the parameter reference and the Kamelet group them. */
public enum ParameterGroup {
    SOURCE("Source"),
    REQUEST("Request"),
    PAGING("Paging"),
    STOP("Stop conditions"),
    RECORDS("Records"),
    LOAD("Load"),
    LIMITS("Limits, retries and rate"),
    CREDENTIALS("Authentication"),
    PLAN("Incremental, backfill and parallel pages");

    private final String title;

    ParameterGroup(String title) {
        this.title = title;
    }

    /** The group's heading. */
    public String title() {
        return title;
    }
}
