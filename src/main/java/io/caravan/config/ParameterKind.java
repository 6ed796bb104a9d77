package io.caravan.config;

/** What a parameter's text means: how it is converted, checked and documented. */
public enum ParameterKind {
    /** Free text. */
    TEXT("text"),
    /** A whole number, converted by Camel's type converters. */
    INTEGER("integer"),
    /** {@code true} or {@code false}, converted by Camel's type converters. */
    BOOLEAN("boolean"),
    /** One of a listed set of words. */
    CHOICE("one of"),
    /** A JSONPath expression. */
    JSON_PATH("JSONPath"),
    /** Where a value goes in a request: a query name, {@code header:Name} or {@code body:path}. */
    PLACEMENT("placement"),
    /** An ISO-8601 duration (or a number, for a range of ids). */
    DURATION("duration"),
    /** A Camel endpoint URI. */
    ENDPOINT("endpoint");

    private final String label;

    ParameterKind(String label) {
        this.label = label;
    }

    /** How the kind is named in errors ("expected an integer"). */
    public String label() {
        return label;
    }
}
