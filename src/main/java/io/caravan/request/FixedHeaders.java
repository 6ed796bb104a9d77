package io.caravan.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.camel.Message;

/**
 * The fixed headers a source sends with every request ({@code headers}: one {@code Name: value} per
 * line, so a value may hold commas), set after Caravan's defaults ({@code Accept: application/json}) and
 * so overriding them. A header is a secret when its name says it is a credential ({@code Authorization},
 * {@code Cookie}, anything with token, key, secret, auth, session, signature or password in its name) or
 * its value comes from a property placeholder ({@code {{env:TOKEN}}}, a mounted secret): secrets go
 * only to the origin of the source's first URL, like credentials, and are redacted wherever text is
 * written; the others go with every request. Headers never enter a stored request.
 */
public final class FixedHeaders {

    /** No fixed headers. */
    public static final FixedHeaders NONE = new FixedHeaders(Map.of(), Map.of());

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)authorization|cookie|.*(token|key|secret|auth|session|signature|password|credential).*");
    /** Headers the HTTP client sets from the request itself. */
    private static final Set<String> CLIENT_OWNED = Set.of("host", "content-length", "transfer-encoding", "connection");

    private final Map<String, String> open;
    private final Map<String, String> secret;

    private FixedHeaders(Map<String, String> open, Map<String, String> secret) {
        this.open = open;
        this.secret = secret;
    }

    /**
     * Parses {@code Name: value} lines; blank lines and lines starting with {@code #} are skipped.
     * Errors name the line and the header, never a value.
     *
     * @param text    the lines, their property placeholders not yet resolved
     * @param resolve resolves the placeholders of one value
     */
    public static FixedHeaders parse(String text, UnaryOperator<String> resolve) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<String, String> open = new LinkedHashMap<>();
        Map<String, String> secret = new LinkedHashMap<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).trim();
            if (!TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not 'Name: value' (one header per line)");
            }
            String key = name.toLowerCase(Locale.ROOT);
            if (CLIENT_OWNED.contains(key)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + name + " is set by the HTTP client");
            }
            if (open.keySet().stream().anyMatch(name::equalsIgnoreCase) || secret.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + name + " is given twice");
            }
            String raw = line.substring(colon + 1).trim();
            String value = raw.contains("{{") ? resolve.apply(raw) : raw;
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + name + " has no value");
            }
            (isSecretName(name) || raw.contains("{{") ? secret : open).put(name, value);
        }
        return new FixedHeaders(Map.copyOf(open), Map.copyOf(secret));
    }

    /** Sets the headers that are not secrets on {@code message}: they go to every origin. */
    public void applyTo(Message message) {
        open.forEach(message::setHeader);
    }

    /** Whether a header of this name is a credential (its value kept out of logs, files and state). */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** The secret headers, as credentials: sent only to the source's own origin, and redacted everywhere. */
    public List<Credentials> credentials() {
        List<Credentials> credentials = new ArrayList<>();
        secret.forEach((name, value) -> credentials.add(HeaderCredentials.apiKey(name, value)));
        return credentials;
    }

    /** What the headers add to a request's shape: every name, and the values that are not secrets. */
    public String shape() {
        Map<String, String> shape = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        shape.putAll(open);
        secret.keySet().forEach(name -> shape.put(name, "(secret)"));
        return shape.toString();
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return open.isEmpty() && secret.isEmpty();
    }
}
