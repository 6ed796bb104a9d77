package io.caravan.app.preview;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import io.caravan.request.FixedHeaders;

/**
 * The route file a preview proposes: the template with the source's name, the URL and body as given,
 * the detected paging, records and key, the credentials parameters, and a table named after the
 * source. A secret (a credential header, a token, a password) is never written: it becomes the
 * placeholder {@code caravan.secret.<source>.<name>}, which its environment variable sets.
 */
final class RouteFileWriter {

    private RouteFileWriter() {
    }

    static String write(String source, String url, Map<String, String> detected, Map<String, String> headers,
            Map<String, String> credentials) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("source", source);
        parameters.put("url", url);
        parameters.putAll(detected);
        credentials.forEach((name, value) -> parameters.put(name,
                PreviewCredentials.SECRET_PARAMETERS.contains(name) ? placeholder(source, name) : value));
        if (!headers.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            headers.forEach((name, value) -> lines.append(name).append(": ")
                    .append(FixedHeaders.isSecretName(name) ? placeholder(source, name) : value)
                    .append('\n'));
            parameters.put("headers", lines.toString().strip());
        }
        parameters.put("table", source.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT));
        StringBuilder yaml = new StringBuilder("# Written by `caravan preview`: check the paging it detected, then run it.\n")
                .append("- templatedRoute:\n    routeTemplateRef: caravan-paginated-http\n    routeId: ").append(source)
                .append("\n    parameters:\n");
        parameters.forEach((name, value) -> yaml.append("      - name: ").append(name).append('\n')
                .append("        value: ").append(quoted(value)).append('\n'));
        return yaml.toString();
    }

    /** The property a secret is read from: {@code caravan.secret.<source>.<name>}, set by a property or its environment variable. */
    static String placeholder(String source, String name) {
        return "{{caravan.secret." + source + "." + name.toLowerCase(Locale.ROOT) + "}}";
    }

    /** The environment variable that sets a secret's property. */
    static String variable(String source, String name) {
        return ("caravan.secret." + source + "." + name).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String quoted(String value) {
        if (value.contains("\n")) {
            return "|-\n" + value.lines().map(line -> "          " + line).reduce((a, b) -> a + "\n" + b).orElse("");
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
