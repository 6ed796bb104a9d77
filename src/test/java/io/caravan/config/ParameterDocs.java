package io.caravan.config;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes what is derived from {@link Parameters}: the parameter reference's tables (docs/parameters.md, one per concern) and
 * the whole {@code paginated-http-source} Kamelet (typed properties, required list, secrets as
 * passwords, the bean's properties). {@code ParameterDocsTest} checks the shipped files equal these.
 */
final class ParameterDocs {

    /** The released version the Kamelet depends on (checked equal to the POM's). */
    static final String VERSION = "0.1.0";

    private static final Pattern FIRST_EXAMPLE = Pattern.compile("`([^`]+)`");

    private ParameterDocs() {
    }

    /** The parameter reference's tables: a heading per concern, a row per parameter. */
    static String readmeTables() {
        StringBuilder out = new StringBuilder();
        for (ParameterGroup group : ParameterGroup.values()) {
            out.append("## ").append(group.title()).append("\n\n")
                    .append("| parameter | type | default | meaning | example |\n| --- | --- | --- | --- | --- |\n");
            for (Parameter<?> p : Parameters.all()) {
                if (p.group() == group) {
                    out.append("| `").append(p.name()).append("` | ").append(type(p)).append(" | ")
                            .append(p.required() ? "(required)" : p.defaultValue() == null ? "none"
                                    : "`" + cell(p.defaultValue()) + "`")
                            .append(" | ").append(cell(p.description())).append(" | ")
                            .append(p.example() == null ? "" : p.example()).append(" |\n");
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String type(Parameter<?> p) {
        String type = switch (p.kind()) {
            case CHOICE -> String.join(" \\| ", p.choices());
            case INTEGER -> p.min() >= 1 ? "integer ≥ " + p.min() : p.min() == 0 ? "integer ≥ 0" : "integer";
            default -> p.kind().label();
        };
        return p.secret() ? type + ", secret" : type;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The Kamelet, derived from the parameters the Kamelet takes. */
    static String kamelet() {
        List<Parameter<?>> properties = Parameters.all().stream().filter(Parameter::inKamelet).toList();
        StringBuilder out = new StringBuilder(KAMELET_HEAD.replace("@VERSION@", VERSION));
        out.append("    required:\n");
        properties.stream().filter(Parameter::required).forEach(p -> out.append("      - ").append(p.name()).append('\n'));
        out.append("    type: object\n    properties:\n");
        for (Parameter<?> p : properties) {
            out.append("      ").append(p.name()).append(":\n")
                    .append("        title: ").append(quote(title(p.name()))).append('\n')
                    .append("        description: ").append(quote(p.description())).append('\n')
                    .append("        type: ").append(switch (p.kind()) {
                        case INTEGER -> "integer";
                        case BOOLEAN -> "boolean";
                        default -> "string";
                    }).append('\n');
            if (!p.choices().isEmpty()) {
                out.append("        enum: [").append(p.choices().stream().map(ParameterDocs::quote)
                        .collect(Collectors.joining(", "))).append("]\n");
            }
            if (p.secret()) {
                out.append("        format: password\n        x-descriptors:\n          - urn:camel:group:credentials\n");
            }
            if (p.defaultValue() != null) {
                out.append("        default: ").append(scalar(p, p.defaultValue())).append('\n');
            }
            Matcher example = FIRST_EXAMPLE.matcher(p.example() == null ? "" : p.example());
            if (example.find() && !p.secret()) {
                out.append("        example: ").append(scalar(p, example.group(1))).append('\n');
            }
        }
        out.append(KAMELET_DEPENDENCIES.replace("@VERSION@", VERSION));
        for (Parameter<?> p : properties) {
            out.append("          ").append(p.name()).append(": \"{{").append(p.required() || p.defaultValue() != null
                    ? "" : "?").append(p.name()).append("}}\"\n");
        }
        return out.append(KAMELET_STEPS).toString();
    }

    private static String scalar(Parameter<?> p, String value) {
        boolean typed = p.kind() == ParameterKind.INTEGER || p.kind() == ParameterKind.BOOLEAN;
        return typed && value.matches("-?\\d+|true|false") ? value : quote(value);
    }

    /** A property's title in the catalog's title case, acronyms upper case: {@code maxJsonDepth} → "Max JSON Depth". */
    private static String title(String name) {
        StringJoiner title = new StringJoiner(" ");
        for (String word : name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").split(" ")) {
            String acronym = ACRONYMS.get(word.toLowerCase());
            title.add(acronym != null ? acronym : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return title.toString();
    }

    private static final Map<String, String> ACRONYMS = Map.of("url", "URL", "http", "HTTP", "json", "JSON",
            "ms", "(ms)", "api", "API", "db", "Database", "oauth2", "OAuth2");

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static final String KAMELET_HEAD = """
            # The paginated-http-source Kamelet: every page of a paginated HTTP API, each record (its JSON) sent to
            # kamelet:sink once per run. GENERATED from io.caravan.config.Parameters (ParameterDocsTest checks it):
            # the route template's parameters minus its sink, its retries and what needs a checkpoint store. Errors
            # are handled by the calling route's or Pipe's error handler, e.g. retryWhileRef to a bean of
            # io.caravan.kamelet.KameletRetryPolicy, which applies the template's rules. Requests go through the
            # route direct:caravan-fetch, which Caravan's ContextServicePlugin adds to every Camel context.
            apiVersion: camel.apache.org/v1
            kind: Kamelet
            metadata:
              name: paginated-http-source
              annotations:
                camel.apache.org/kamelet.support.level: "Preview"
                camel.apache.org/catalog.version: "@VERSION@"
                camel.apache.org/provider: "Caravan"
                camel.apache.org/kamelet.group: "HTTP"
                camel.apache.org/kamelet.namespace: "HTTP"
                camel.apache.org/kamelet.icon: "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCA2NCA2NCI+PHJlY3QgeD0iNCIgeT0iMTQiIHdpZHRoPSI0MCIgaGVpZ2h0PSIzNiIgcng9IjQiIGZpbGw9IiNmNTllMGIiLz48cmVjdCB4PSIxMiIgeT0iOCIgd2lkdGg9IjQwIiBoZWlnaHQ9IjM2IiByeD0iNCIgZmlsbD0iI2ZiYmYyNCIvPjxyZWN0IHg9IjIwIiB5PSIyIiB3aWR0aD0iNDAiIGhlaWdodD0iMzYiIHJ4PSI0IiBmaWxsPSIjMWUzYThhIi8+PHBhdGggZD0iTTMwIDIwaDIwTTMwIDI4aDE0IiBzdHJva2U9IiNmZmYiIHN0cm9rZS13aWR0aD0iNCIgc3Ryb2tlLWxpbmVjYXA9InJvdW5kIi8+PC9zdmc+"
              labels:
                camel.apache.org/kamelet.type: "source"
            spec:
              definition:
                title: "Paginated HTTP Source"
                description: |-
                  Walks every page of a paginated HTTP API (page number, offset, cursor, next link, Link header,
                  header token, time windows or templated rules) and sends each record once per run, as JSON,
                  with headers CaravanRecordKey and CaravanSource.
            """;

    private static final String KAMELET_DEPENDENCIES = """
              dependencies:
                - "camel:kamelet"
                - "camel:direct"
                - "camel:http"
                - "camel:jsonpath"
                - "camel:jackson"
                - "camel:timer"
                - "camel:bean"
                - "camel:core"
                - "mvn:io.caravan:caravan:@VERSION@"
              template:
                beans:
                  - name: caravan
                    type: "#class:io.caravan.kamelet.KameletSource"
                    properties:
            """;

    private static final String KAMELET_STEPS = """
                from:
                  uri: "{{trigger}}"
                  steps:
                    # A run that fails (once the calling route's error handler gave up) ends with one line and its summary.
                    - onCompletion:
                        onFailureOnly: true
                        steps:
                          - bean:
                              ref: "{{caravan}}"
                              method: failRun
                    - bean:
                        ref: "{{caravan}}"
                        method: startRun
                    - loop:
                        doWhile: true
                        breakOnShutdown: true
                        simple: "${exchangeProperty.CaravanSession.hasNext()}"
                        steps:
                          - bean:
                              ref: "{{caravan}}"
                              method: sendNext
                          - to: "direct:caravan-fetch"
                          - bean:
                              ref: "{{caravan}}"
                              method: readPage
                          - split:
                              simple: "${body}"
                              streaming: true
                              stopOnException: true
                              steps:
                                - idempotentConsumer:
                                    simple: "${body[record_key]}"
                                    idempotentRepository: "{{caravan}}"
                                    steps:
                                      - bean:
                                          ref: "{{caravan}}"
                                          method: emit
                                      - to: "kamelet:sink"
                                      - bean:
                                          ref: "{{caravan}}"
                                          method: delivered
                          - bean:
                              ref: "{{caravan}}"
                              method: pageDone
                    - bean:
                        ref: "{{caravan}}"
                        method: finishRun
            """;
}
