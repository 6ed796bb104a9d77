package io.caravan.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.request.PageRequest;
import io.caravan.request.UriResolver;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.util.ObjectHelper;

/**
 * Pagination for everything else: the next request described by rules whose values are Camel Simple
 * expressions over the previous response — its body ({@code ${jsonpath($.next)}}), its headers
 * ({@code ${header.X-Next}}) and the variables {@code pageIndex} (0-based, of the page received),
 * {@code pageNumber} (1-based), {@code nextPageNumber}, {@code recordCount}, {@code token} (the
 * previous paging value) and {@code lastRecord} (its JSON, for {@code ${jsonpath(variable:lastRecord,$.id)}}).
 *
 * <p>Rules are tried in order and the first whose {@code when} predicate holds (a rule without one
 * always holds) builds the next request; no match ends the run. A rule may set {@code url} (absolute,
 * or relative to the source's configured URL), {@code method}, {@code query}, {@code headers}, {@code body} fields (dotted paths) and
 * {@code replaceBody}. A {@code when} whose JSONPath matches nothing does not hold; a value that is
 * missing, null or empty ends the run, as a missing token does.
 */
public final class TemplatedPaginator implements Paginator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CamelContext context;
    private final URI sourceUrl;
    private final List<Rule> rules;

    private TemplatedPaginator(CamelContext context, URI sourceUrl, List<Rule> rules) {
        this.context = context;
        this.sourceUrl = sourceUrl;
        this.rules = rules;
    }

    /**
     * Parses the rules from a JSON array; the Simple expressions are compiled once, here.
     *
     * @param sourceUrl the source's configured URL, which relative rule URLs are resolved against
     */
    public static TemplatedPaginator parse(String json, CamelContext context, URI sourceUrl) {
        JsonNode array;
        try {
            array = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("nextRequests is not valid JSON: " + e.getOriginalMessage());
        }
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException("nextRequests must be a non-empty JSON array of rules");
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode node : array) {
            rules.add(Rule.parse(node, context));
        }
        return new TemplatedPaginator(context, sourceUrl, List.copyOf(rules));
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        Exchange scope = scope(page);
        for (Rule rule : rules) {
            if (rule.holds(scope)) {
                return rule.build(scope, sourceUrl, base);
            }
        }
        return Optional.empty();
    }

    @Override
    public String endReason(Page page) {
        Exchange scope = scope(page);
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).holds(scope)) {
                return "rule " + (i + 1) + "'s value " + rules.get(i).firstEmpty(scope) + " is empty";
            }
        }
        return "no rule's when holds";
    }

    /** An exchange holding the previous response, for the expressions to read. */
    private Exchange scope(Page page) {
        Exchange scope = new DefaultExchange(context);
        scope.getMessage().setBody(page.body().toString());
        scope.getMessage().setHeaders(new LinkedHashMap<>(page.headers()));
        int index = page.request().pageIndex();
        scope.setVariable("pageIndex", index);
        scope.setVariable("pageNumber", index + 1);
        scope.setVariable("nextPageNumber", index + 2);
        scope.setVariable("recordCount", page.records().size());
        scope.setVariable("token", page.request().token());
        scope.setVariable("lastRecord", page.lastRecord() == null ? null : page.lastRecord().toString());
        return scope;
    }

    /** One rule: when it holds, how the next request differs from the base. */
    private record Rule(Predicate when, Valued url, String method, Map<String, Valued> query,
            Map<String, Valued> headers, Map<String, Valued> body, boolean replaceBody) {

        static Rule parse(JsonNode node, CamelContext context) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("each nextRequests rule must be a JSON object, not " + node);
            }
            var simple = context.resolveLanguage("simple");
            return new Rule(
                    node.hasNonNull("when") ? simple.createPredicate(node.get("when").asText()) : null,
                    node.hasNonNull("url") ? Valued.of(node.get("url").asText(), context) : null,
                    node.hasNonNull("method") ? node.get("method").asText().toUpperCase() : null,
                    expressions(node.get("query"), context), expressions(node.get("headers"), context),
                    expressions(node.get("body"), context),
                    node.path("replaceBody").asBoolean(false));
        }

        private static Map<String, Valued> expressions(JsonNode fields, CamelContext context) {
            Map<String, Valued> expressions = new LinkedHashMap<>();
            if (fields != null) {
                fields.fields().forEachRemaining(field -> expressions.put(field.getKey(),
                        Valued.of(field.getValue().asText(), context)));
            }
            return expressions;
        }

        /** The text of the first value that is empty after {@code scope}'s page. */
        String firstEmpty(Exchange scope) {
            List<Valued> values = new ArrayList<>();
            if (url != null) {
                values.add(url);
            }
            values.addAll(query.values());
            values.addAll(headers.values());
            values.addAll(body.values());
            return values.stream().filter(value -> value.of(scope).isEmpty()).map(Valued::text).findFirst()
                    .orElse("(none)");
        }

        boolean holds(Exchange scope) {
            if (when == null) {
                return true;
            }
            try {
                return when.matches(scope);
            } catch (RuntimeException e) {
                if (isMissingPath(e)) {
                    return false;
                }
                throw e;
            }
        }

        Optional<PageRequest> build(Exchange scope, URI sourceUrl, PageRequest base) {
            PageRequest next = base;
            if (url != null) {
                Optional<String> target = url.of(scope);
                if (target.isEmpty()) {
                    return Optional.empty();
                }
                next = next.to(method != null ? method : next.method(), UriResolver.resolve(sourceUrl.toString(), target.get()));
            } else if (method != null) {
                next = next.to(method, next.url());
            }
            if (replaceBody) {
                next = next.withBody(null);
            }
            String token = null;
            for (Placement placement : List.<Placement>of(
                    new Placement(query, (request, name, value) -> request.withQueryParam(name, value)),
                    new Placement(headers, (request, name, value) -> request.withHeader(name, value)),
                    new Placement(body, (request, name, value) -> ValuePlacement.parse("body:" + name).apply(request, value)))) {
                for (Map.Entry<String, Valued> entry : placement.values().entrySet()) {
                    Optional<String> value = entry.getValue().of(scope);
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    next = placement.setter().set(next, entry.getKey(), value.get());
                    token = token == null ? value.get() : token;
                }
            }
            return Optional.of(next.withToken(token));
        }

        /** Values of one kind (query, header or body field) and how one is set on a request. */
        private record Placement(Map<String, Valued> values, Setter setter) {
        }

        @FunctionalInterface
        private interface Setter {
            PageRequest set(PageRequest request, String name, String value);
        }

    }

    /**
     * A rule's value: its Simple text and the expression compiled from it. Missing, null or empty, it
     * is empty; a JSON array or object is refused rather than read as an empty string.
     */
    private record Valued(String text, Expression expression) {

        static Valued of(String text, CamelContext context) {
            return new Valued(text, context.resolveLanguage("simple").createExpression(text));
        }

        Optional<String> of(Exchange scope) {
            Object value;
            try {
                value = expression.evaluate(scope, Object.class);
            } catch (RuntimeException e) {
                if (isMissingPath(e)) {
                    return Optional.empty();
                }
                throw e;
            }
            if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
                throw new IllegalStateException("the value " + text + " is a JSON " + (value instanceof Map<?, ?>
                        ? "object" : "array") + ", not a single value: pick one (e.g. an element by its index)");
            }
            String textValue = scope.getContext().getTypeConverter().convertTo(String.class, scope, value);
            return textValue == null || textValue.isEmpty() || textValue.equals("null") ? Optional.empty()
                    : Optional.of(textValue);
        }
    }

    private static boolean isMissingPath(Throwable e) {
        return ObjectHelper.getException(com.jayway.jsonpath.PathNotFoundException.class, e) != null;
    }
}
