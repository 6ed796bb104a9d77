package io.caravan.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import io.caravan.response.ExactNumberNode;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *
 * <p>Values keep their JSON type: a body field gets the array, object, number, boolean or string the
 * expression gives ({@code "search_after": "${jsonpath(variable:lastRecord,$.sort)}"}); a value that is one
 * {@code ${jsonpath(…)}} is read from the page's exact tree, so numbers keep the API's text. A value
 * written as {@code {"value": "…", "format": "json"}} goes into the query or a header as JSON text
 * ({@code startkey="abc"}); an array or object goes there only that way. A JSON literal that is not a
 * string ({@code "limit": 100}) is a constant of its type.
 */
public final class TemplatedPaginator implements Paginator {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Scope variables holding the page's exact trees, for values that are one JSONPath. */
    private static final String BODY_NODE = "caravanBodyNode";
    private static final String LAST_RECORD_NODE = "caravanLastRecordNode";

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
        scope.setVariable("recordCount", page.records());
        scope.setVariable("token", page.request().token());
        scope.setVariable("lastRecord", page.lastRecord() == null ? null : page.lastRecord().toString());
        scope.setVariable(BODY_NODE, page.body());
        scope.setVariable(LAST_RECORD_NODE, page.lastRecord());
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
                    node.hasNonNull("url") ? Valued.parse("url", node.get("url"), context) : null,
                    node.hasNonNull("method") ? node.get("method").asText().toUpperCase() : null,
                    expressions(node.get("query"), context), expressions(node.get("headers"), context),
                    expressions(node.get("body"), context),
                    node.path("replaceBody").asBoolean(false));
        }

        private static Map<String, Valued> expressions(JsonNode fields, CamelContext context) {
            Map<String, Valued> expressions = new LinkedHashMap<>();
            if (fields != null) {
                fields.fields().forEachRemaining(field -> expressions.put(field.getKey(),
                        Valued.parse(field.getKey(), field.getValue(), context)));
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
                Optional<String> target = url.of(scope).map(JsonNode::asText);
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
            for (Placement placement : List.of(new Placement(query, "query:"), new Placement(headers, "header:"),
                    new Placement(body, "body:"))) {
                for (Map.Entry<String, Valued> entry : placement.values().entrySet()) {
                    Optional<JsonNode> value = entry.getValue().of(scope);
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    next = entry.getValue().place(ValuePlacement.parse(placement.prefix() + entry.getKey()), next,
                            value.get());
                    token = token == null ? next.token() : token;
                }
            }
            return Optional.of(next.withToken(token));
        }

        /** Values of one kind (query, header or body field) and the placement prefix they are set with. */
        private record Placement(Map<String, Valued> values, String prefix) {
        }
    }

    /**
     * A rule's value: its text, the expression compiled from it (or the JSONPath it is, read from the
     * page's exact tree), and whether it goes out as JSON text. Missing, null or empty, it is empty.
     */
    private record Valued(String text, Expression expression, JsonPaths path, boolean ofLastRecord, JsonNode constant,
            boolean json) {

        private static final Pattern JSONPATH = Pattern.compile("\\$\\{jsonpath\\((variable:lastRecord\\s*,\\s*)?([^()]+)\\)}");

        static Valued parse(String name, JsonNode spec, CamelContext context) {
            boolean json = false;
            JsonNode value = spec;
            if (spec.isObject()) {
                String format = spec.path("format").asText("text");
                if (!spec.has("value") || !format.equals("json") && !format.equals("text")) {
                    throw new IllegalArgumentException("the rule value of " + name
                            + " must be a string, a JSON literal or {\"value\": \"…\", \"format\": \"json\" or \"text\"}");
                }
                json = format.equals("json");
                value = spec.get("value");
            }
            if (!value.isTextual()) {
                return new Valued(value.toString(), null, null, false, value, json);
            }
            String text = value.asText();
            Matcher jsonPath = JSONPATH.matcher(text.trim());
            if (jsonPath.matches()) {
                return new Valued(text, null, JsonPaths.compile(jsonPath.group(2)), jsonPath.group(1) != null, null, json);
            }
            return new Valued(text, context.resolveLanguage("simple").createExpression(text), null, false, null, json);
        }

        /** The value after {@code scope}'s page, or empty when it is missing, null or empty. */
        Optional<JsonNode> of(Exchange scope) {
            if (constant != null) {
                return Tokens.value(constant);
            }
            if (path != null) {
                JsonNode document = ofLastRecord ? scope.getVariable(LAST_RECORD_NODE, JsonNode.class)
                        : scope.getVariable(BODY_NODE, JsonNode.class);
                return document == null ? Optional.empty() : Tokens.value(path.read(document));
            }
            Object value;
            try {
                value = expression.evaluate(scope, Object.class);
            } catch (RuntimeException e) {
                if (isMissingPath(e)) {
                    return Optional.empty();
                }
                throw e;
            }
            if (value == null) {
                return Optional.empty();
            }
            JsonNode node;
            if (value instanceof JsonNode tree) {
                node = tree;
            } else if (value instanceof Boolean bool) {
                node = BooleanNode.valueOf(bool);
            } else if (value instanceof Number number) {
                node = new ExactNumberNode(number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString());
            } else if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
                node = MAPPER.valueToTree(value);
            } else {
                node = TextNode.valueOf(scope.getContext().getTypeConverter().convertTo(String.class, scope, value));
            }
            return node.isTextual() && node.asText().equals("null") ? Optional.empty() : Tokens.value(node);
        }

        /** {@code request} with {@code value} set at {@code placement}; an array or object is refused outside a body unless asked as JSON. */
        PageRequest place(ValuePlacement placement, PageRequest request, JsonNode value) {
            if (value.isContainerNode() && !json && !placement.toString().startsWith("body:")) {
                throw new IllegalStateException("the value " + text + " is a JSON " + (value.isObject() ? "object" : "array")
                        + ", not a single value for " + placement + ": pick one (e.g. an element by its index), put it"
                        + " in the body, or write it as {\"value\": …, \"format\": \"json\"}");
            }
            return (json ? placement.asJson() : placement).apply(request, value);
        }
    }

    private static boolean isMissingPath(Throwable e) {
        return ObjectHelper.getException(com.jayway.jsonpath.PathNotFoundException.class, e) != null;
    }
}
