package io.caravan.config;

import io.caravan.records.JsonPaths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.TypeConverter;

/**
 * The parameters one route gives the route template, checked against {@link Parameters} and read
 * as typed values: a name the model does not know is refused with the nearest known one, and every
 * value is converted by Camel's type converters and checked against its bounds and choices, any
 * failure naming the route, its file, the parameter, the value and what was expected.
 */
public final class SourceParameters {

    /** A placeholder naming a parameter of the route, as a default refers to another ({@code #{{dataSource}}}). */
    private static final Pattern OWN_PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final Map<String, String> values;
    private final String where;
    private final CamelContext context;
    private final TypeConverter converter;

    private SourceParameters(Map<String, String> values, String where, CamelContext context) {
        this.values = values;
        this.where = where;
        this.context = context;
        this.converter = context.getTypeConverter();
    }

    /**
     * Reads {@code given}; a value's placeholders are resolved when it is read.
     *
     * @param given   parameter names and values
     * @param where   the route, as errors name it: {@code route 'x' (routes/x.camel.yaml)}
     * @param context the Camel context whose placeholders and type converters are used
     * @throws ConfigurationException naming the first unknown parameter
     */
    public static SourceParameters read(Map<String, ?> given, String where, CamelContext context) {
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, ?> entry : given.entrySet()) {
            String name = entry.getKey();
            if (Parameters.named(name) == null) {
                String nearest = NearestName.of(name, Parameters.all().stream().map(Parameter::name).toList());
                throw new ConfigurationException("unknown parameter '" + name + "' in " + where
                        + (nearest == null ? "" : ": did you mean '" + nearest + "'?"));
            }
            Object value = entry.getValue();
            values.put(name, value == null ? null : value.toString());
        }
        SourceParameters parameters = new SourceParameters(values, where, context);
        parameters.checkTypes();
        return parameters;
    }

    /** Every typed value converts and is within its bounds, whether or not this source's style reads it. */
    private void checkTypes() {
        for (Parameter<?> parameter : Parameters.all()) {
            if (parameter.kind() == ParameterKind.INTEGER || parameter.kind() == ParameterKind.BOOLEAN
                    || parameter.kind() == ParameterKind.CHOICE) {
                get(parameter);
            }
        }
    }

    /** The route, as errors name it. */
    public String where() {
        return where;
    }

    /** The parameter's value (its default when not given), converted; {@code null} when neither is set or blank. */
    public <T> T get(Parameter<T> parameter) {
        String text = text(parameter);
        if (text == null) {
            return null;
        }
        T value;
        try {
            value = converter.mandatoryConvertTo(parameter.type(), text);
        } catch (Exception e) {
            throw invalid(parameter, text, null);
        }
        if (parameter.kind() == ParameterKind.INTEGER && ((Number) value).longValue() < parameter.min()) {
            throw invalid(parameter, text, null);
        }
        if (parameter.kind() == ParameterKind.CHOICE && !parameter.choices().contains(text)) {
            throw invalid(parameter, text, null);
        }
        return value;
    }

    /** As {@link #get}, or {@code otherwise} when the parameter is not set. */
    public <T> T get(Parameter<T> parameter, T otherwise) {
        T value = get(parameter);
        return value == null ? otherwise : value;
    }

    /** As {@link #get}, failing when the parameter is not set. */
    public <T> T require(Parameter<T> parameter) {
        T value = get(parameter);
        if (value == null) {
            String given = values.get(parameter.name());
            throw new ConfigurationException(where + ": parameter '" + parameter.name() + "' is required"
                    + (given != null && !given.isBlank() ? ": " + given.trim() + " resolved to an empty value" : ""));
        }
        return value;
    }

    /** Whether the parameter has a value (given, or by default). */
    public boolean has(Parameter<?> parameter) {
        return text(parameter) != null;
    }

    /**
     * The parameter's text read by {@code parser} (a JSONPath, a placement, a duration); whatever the
     * parser refuses fails naming the parameter and the value. {@code null} when not set.
     */
    public <R> R parse(Parameter<String> parameter, Function<String, R> parser) {
        String text = get(parameter);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid(parameter, text, e);
        }
    }

    /** As {@link #parse}, failing when the parameter is not set. */
    public <R> R parseRequired(Parameter<String> parameter, Function<String, R> parser) {
        require(parameter);
        return parse(parameter, parser);
    }

    /** The items of a comma-separated value, trimmed, without empty ones. */
    static List<String> items(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    /** The text of a JSONPath parameter, checked to compile; {@code null} when not set. */
    public String jsonPath(Parameter<String> parameter) {
        return parse(parameter, path -> {
            JsonPaths.compile(path);
            return path;
        });
    }

    /** Settings that contradict each other: refused with the reason. */
    public ConfigurationException contradiction(String reason) {
        return new ConfigurationException(where + ": " + reason);
    }

    private String text(Parameter<?> parameter) {
        String text = unresolved(parameter);
        return text == null ? null : resolve(parameter, text);
    }

    /**
     * The parameter's text with the route's own parameters substituted but property placeholders
     * ({@code {{env:TOKEN}}}) still in it, so a reader can tell which parts come from outside; {@code null}
     * when not set or blank.
     */
    public String unresolved(Parameter<?> parameter) {
        String text = withParameters(values.containsKey(parameter.name()) ? values.get(parameter.name())
                : parameter.defaultValue());
        return text == null || text.isBlank() ? null : text;
    }

    /** {@code text} (a part of {@code parameter}'s value) with its property placeholders resolved, trimmed. */
    public String resolve(Parameter<?> parameter, String text) {
        String resolved = text;
        if (resolved.contains("{{")) {
            try {
                resolved = context.resolvePropertyPlaceholders(resolved);
            } catch (RuntimeException e) {
                throw new ConfigurationException(where + ": " + parameter.name() + ": " + e.getMessage(), e);
            }
        }
        return resolved == null || resolved.isBlank() ? null : resolved.trim();
    }

    /** {@code text} with each {@code {{name}}} of another parameter of the route replaced by that one's value. */
    private String withParameters(String text) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher placeholder = OWN_PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            Parameter<?> named = Parameters.named(placeholder.group(1));
            String value = named == null ? null
                    : values.containsKey(named.name()) ? values.get(named.name()) : named.defaultValue();
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
        }
        return placeholder.appendTail(resolved).toString();
    }

    private ConfigurationException invalid(Parameter<?> parameter, String value, RuntimeException cause) {
        String shown = parameter.secret() ? "(a secret)" : "'" + value + "'";
        String why = cause == null || cause.getMessage() == null ? parameter.expected() : cause.getMessage();
        return new ConfigurationException(where + ": " + parameter.name() + " " + shown + ": " + why, cause);
    }
}
