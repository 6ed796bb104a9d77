package io.caravan.config;

import static io.caravan.config.Parameters.ALLOWED_ORIGINS;
import static io.caravan.config.Parameters.BODY;
import static io.caravan.config.Parameters.CONNECT_TIMEOUT_MS;
import static io.caravan.config.Parameters.HEADERS;
import static io.caravan.config.Parameters.METHOD;
import static io.caravan.config.Parameters.NEXT_PAGES_METHOD;
import static io.caravan.config.Parameters.NEXT_PAGES_URL;
import static io.caravan.config.Parameters.PAGE_SIZE;
import static io.caravan.config.Parameters.PAGE_SIZE_PARAM;
import static io.caravan.config.Parameters.READ_TIMEOUT_MS;
import static io.caravan.config.Parameters.REPLACE_BODY_ON_NEXT_PAGES;
import static io.caravan.config.Parameters.RESPONSE_TIMEOUT_MS;
import static io.caravan.config.Parameters.URL;

import io.caravan.paging.FollowingPages;
import io.caravan.paging.ValuePlacement;
import io.caravan.request.CredentialChain;
import io.caravan.request.Credentials;
import io.caravan.request.FixedHeaders;
import io.caravan.request.PageRequest;
import io.caravan.request.SecretsInUse;
import io.caravan.request.UriResolver;
import io.caravan.request.UrlSecrets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.component.http.HttpMethods;

/**
 * What a source sends: the first request, how the following ones differ, the credentials, the
 * origins next pages may be on, and the HTTP endpoint options.
 *
 * @param first        the first request, as configured
 * @param following    how requests after the first differ from it
 * @param headers      the fixed headers that are not secrets, sent with every request
 * @param credentials  how requests to the source's origin are authenticated (secret fixed headers included)
 * @param otherOrigins origins besides the first URL's that next pages may be on (credentials never go there)
 * @param httpOptions  the camel-http endpoint options of every request (timeouts, a pooled connection waited
 *                     for no longer than a whole response may take; the body as the raw
 *                     stream, so its size is limited while it is read)
 */
public record RequestSettings(PageRequest first, FollowingPages following, FixedHeaders headers, Credentials credentials,
        Set<String> otherOrigins, String httpOptions) {

    /** {@code request} without any credential in its URL (a next link that echoes an API key), to be stored and sent. */
    public PageRequest withoutSecrets(PageRequest request) {
        return new UrlSecrets(credentials).strip(request);
    }

    /** The {@code headers} lines, each value's placeholders resolved on its own (so it is known to come from outside). */
    static FixedHeaders fixedHeaders(SourceParameters p) {
        String lines = p.unresolved(HEADERS);
        try {
            return FixedHeaders.parse(lines, value -> p.resolve(HEADERS, value));
        } catch (IllegalArgumentException e) {
            throw p.contradiction("headers: " + e.getMessage());
        }
    }

    /** An HTTP method camel-http sends, upper case; blank stays unset. */
    private static String method(String text) {
        if (text.isBlank()) {
            return null;
        }
        String method = text.trim().toUpperCase(Locale.ROOT);
        if (Arrays.stream(HttpMethods.values()).noneMatch(known -> known.name().equals(method))) {
            throw new IllegalArgumentException("not an HTTP method (one of " + Arrays.toString(HttpMethods.values()) + ")");
        }
        return method;
    }

    static RequestSettings read(SourceParameters p) {
        PageRequest first = new PageRequest(p.parseRequired(METHOD, RequestSettings::method), p.require(URL), null, null, p.get(BODY), 0,
                null);
        if (first.body() != null) {
            first = first.withHeader("Content-Type", "application/json");
        }
        ValuePlacement pageSizePlacement = p.parse(PAGE_SIZE_PARAM, ValuePlacement::parse);
        if (pageSizePlacement != null && p.has(PAGE_SIZE)) {
            first = pageSizePlacement.apply(first, p.get(PAGE_SIZE).longValue()).withToken(null);
        }
        String nextUrl = p.get(NEXT_PAGES_URL);
        FollowingPages following = new FollowingPages(nextUrl == null ? null : UriResolver.resolve(first.uri().toString(), nextUrl),
                p.parse(NEXT_PAGES_METHOD, RequestSettings::method), p.get(REPLACE_BODY_ON_NEXT_PAGES));
        Set<String> origins = p.parse(ALLOWED_ORIGINS, value -> Set.copyOf(SourceParameters.items(value).stream()
                .map(origin -> PageRequest.get(origin).origin()).toList()));
        FixedHeaders headers = fixedHeaders(p);
        List<Credentials> sent = new ArrayList<>(headers.credentials());
        sent.add(CredentialsReader.read(p));
        Credentials credentials = SecretsInUse.register(CredentialChain.of(sent));
        return new RequestSettings(first, following, headers, credentials, origins == null ? Set.of() : origins,
                "connectTimeout=" + p.require(CONNECT_TIMEOUT_MS) + "&responseTimeout=" + p.require(READ_TIMEOUT_MS)
                        + "&connectionRequestTimeout=" + p.require(RESPONSE_TIMEOUT_MS) + "&disableStreamCache=true");
    }
}
