package io.caravan.config;

import java.util.List;

/**
 * One setting of a source, described once: its name, concern, type, default, allowed values, lower
 * bound, whether it is a secret, a one-line description and an example. The route template's
 * parameters, the Kamelet's properties and the parameter reference (docs/parameters.md) are derived from these.
 *
 * @param <T>          the Java type a value converts to
 * @param name         the parameter's name, as written in a route file
 * @param group        the concern it belongs to
 * @param type         the Java type a value converts to (by Camel's type converters)
 * @param kind         what its text means
 * @param defaultValue the value when none is given, or {@code null}
 * @param required     whether a route must give it
 * @param choices      the allowed values of a {@link ParameterKind#CHOICE}, else empty
 * @param min          the least allowed value of an {@link ParameterKind#INTEGER}
 * @param secret       whether it holds a credential (redacted, a password in the Kamelet)
 * @param description  what it does, in one line
 * @param example      an example value, or {@code null}
 * @param inKamelet    whether the Kamelet takes it (not: the sink, retries and what needs a checkpoint store)
 */
public record Parameter<T>(String name, ParameterGroup group, Class<T> type, ParameterKind kind, String defaultValue,
        boolean required, List<String> choices, long min, boolean secret, String description, String example,
        boolean inKamelet) {

    static Parameter<String> text(String name, ParameterGroup group, String description) {
        return of(name, group, String.class, ParameterKind.TEXT, description);
    }

    static Parameter<String> of(String name, ParameterGroup group, ParameterKind kind, String description) {
        return of(name, group, String.class, kind, description);
    }

    static Parameter<Integer> integer(String name, ParameterGroup group, String description) {
        return of(name, group, Integer.class, ParameterKind.INTEGER, description).atLeast(0);
    }

    static Parameter<Long> longInteger(String name, ParameterGroup group, String description) {
        return of(name, group, Long.class, ParameterKind.INTEGER, description).atLeast(0);
    }

    static Parameter<Boolean> bool(String name, ParameterGroup group, String description) {
        return of(name, group, Boolean.class, ParameterKind.BOOLEAN, description).orElse("false");
    }

    static Parameter<String> choice(String name, ParameterGroup group, String description, String... values) {
        return new Parameter<>(name, group, String.class, ParameterKind.CHOICE, null, false, List.of(values), 0, false,
                description, null, true);
    }

    private static <T> Parameter<T> of(String name, ParameterGroup group, Class<T> type, ParameterKind kind,
            String description) {
        return new Parameter<>(name, group, type, kind, null, false, List.of(), Long.MIN_VALUE, false, description, null,
                true);
    }

    Parameter<T> orElse(String value) {
        return new Parameter<>(name, group, type, kind, value, required, choices, min, secret, description, example,
                inKamelet);
    }

    Parameter<T> asRequired() {
        return new Parameter<>(name, group, type, kind, defaultValue, true, choices, min, secret, description, example,
                inKamelet);
    }

    Parameter<T> atLeast(long least) {
        return new Parameter<>(name, group, type, kind, defaultValue, required, choices, least, secret, description,
                example, inKamelet);
    }

    Parameter<T> asSecret() {
        return new Parameter<>(name, group, type, kind, defaultValue, required, choices, min, true, description, example,
                inKamelet);
    }

    Parameter<T> withExample(String value) {
        return new Parameter<>(name, group, type, kind, defaultValue, required, choices, min, secret, description, value,
                inKamelet);
    }

    /** The Kamelet has no such property (its sink is kamelet:sink, its retries the caller's, it keeps no state). */
    Parameter<T> notInKamelet() {
        return new Parameter<>(name, group, type, kind, defaultValue, required, choices, min, secret, description, example,
                false);
    }

    /** What a value must be, for an error ("expected an integer of at least 1", "use stream or collect"). */
    public String expected() {
        return switch (kind) {
            case INTEGER -> "expected an integer" + (min > 0 ? " of at least " + min : min == 0 ? " of 0 or more" : "");
            case BOOLEAN -> "expected true or false";
            case CHOICE -> "use " + String.join(", ", choices.subList(0, choices.size() - 1)) + " or "
                    + choices.get(choices.size() - 1);
            default -> "expected a " + kind.label();
        };
    }
}
