package io.caravan.request;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a link against the URL it was found on as RFC 3986 (section 5.2) does, and as browsers,
 * curl and Python do: dot segments are removed, also those that would climb above the root
 * ({@code ../../x} from {@code /c/items} is {@code /x}), and a query-only link keeps the base's path.
 * {@link java.net.URI#resolve} follows the older RFC 2396 and gets both wrong. The link's own
 * percent-encoding is kept as it is; a fragment is dropped, since it is never sent.
 */
public final class UriResolver {

    /** RFC 3986 appendix B: scheme, authority, path, query, fragment. */
    private static final Pattern PARTS = Pattern.compile("^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?");

    private UriResolver() {
    }

    /** {@code reference} resolved against the absolute URL {@code base}. */
    public static String resolve(String base, String reference) {
        Matcher b = parts(base);
        Matcher r = parts(reference.strip());
        String scheme;
        String authority;
        String path;
        String query;
        if (r.group(2) != null) {
            scheme = r.group(2);
            authority = r.group(4);
            path = removeDotSegments(r.group(5));
            query = r.group(7);
        } else {
            scheme = b.group(2);
            if (r.group(3) != null) {
                authority = r.group(4);
                path = removeDotSegments(r.group(5));
                query = r.group(7);
            } else {
                authority = b.group(4);
                if (r.group(5).isEmpty()) {
                    path = b.group(5);
                    query = r.group(6) != null ? r.group(7) : b.group(7);
                } else {
                    path = removeDotSegments(r.group(5).startsWith("/") ? r.group(5) : merge(b, r.group(5)));
                    query = r.group(7);
                }
            }
        }
        StringBuilder target = new StringBuilder();
        if (scheme != null) {
            target.append(scheme).append(':');
        }
        if (authority != null) {
            target.append("//").append(authority);
        }
        target.append(path);
        if (query != null) {
            target.append('?').append(query);
        }
        return target.toString();
    }

    private static Matcher parts(String uri) {
        Matcher matcher = PARTS.matcher(uri);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a URI reference: " + uri);
        }
        return matcher;
    }

    /** RFC 3986 5.2.3: the reference's path appended to all but the last segment of the base's. */
    private static String merge(Matcher base, String referencePath) {
        String basePath = base.group(5);
        if (base.group(3) != null && basePath.isEmpty()) {
            return "/" + referencePath;
        }
        return basePath.substring(0, basePath.lastIndexOf('/') + 1) + referencePath;
    }

    /** RFC 3986 5.2.4. */
    static String removeDotSegments(String path) {
        String input = path;
        StringBuilder output = new StringBuilder();
        while (!input.isEmpty()) {
            if (input.startsWith("../")) {
                input = input.substring(3);
            } else if (input.startsWith("./")) {
                input = input.substring(2);
            } else if (input.startsWith("/./")) {
                input = input.substring(2);
            } else if (input.equals("/.")) {
                input = "/";
            } else if (input.startsWith("/../")) {
                input = input.substring(3);
                dropLastSegment(output);
            } else if (input.equals("/..")) {
                input = "/";
                dropLastSegment(output);
            } else if (input.equals(".") || input.equals("..")) {
                input = "";
            } else {
                int next = input.indexOf('/', input.startsWith("/") ? 1 : 0);
                int end = next < 0 ? input.length() : next;
                output.append(input, 0, end);
                input = input.substring(end);
            }
        }
        return output.toString();
    }

    private static void dropLastSegment(StringBuilder output) {
        int last = output.lastIndexOf("/");
        output.setLength(Math.max(last, 0));
    }
}
