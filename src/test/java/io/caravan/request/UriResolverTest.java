package io.caravan.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Links resolve as RFC 3986 section 5.4 says (its normal and abnormal examples), fragments dropped. */
class UriResolverTest {

    private static final String BASE = "http://a/b/c/d;p?q";

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "g:h g:h",
        "g http://a/b/c/g", "./g http://a/b/c/g", "g/ http://a/b/c/g/", "/g http://a/g", "//g http://g",
        "?y http://a/b/c/d;p?y", "g?y http://a/b/c/g?y", "#s http://a/b/c/d;p?q", "g#s http://a/b/c/g",
        "g?y#s http://a/b/c/g?y", ";x http://a/b/c/;x", "g;x http://a/b/c/g;x", "g;x?y#s http://a/b/c/g;x?y",
        ". http://a/b/c/", "./ http://a/b/c/", ".. http://a/b/", "../ http://a/b/", "../g http://a/b/g",
        "../.. http://a/", "../../ http://a/", "../../g http://a/g",
        // Abnormal examples: more ".." than segments stop at the root.
        "../../../g http://a/g", "../../../../g http://a/g", "/./g http://a/g", "/../g http://a/g",
        "g. http://a/b/c/g.", ".g http://a/b/c/.g", "g.. http://a/b/c/g..", "..g http://a/b/c/..g",
        "./../g http://a/b/g", "./g/. http://a/b/c/g/", "g/./h http://a/b/c/g/h", "g/../h http://a/b/c/h",
        "g;x=1/./y http://a/b/c/g;x=1/y", "g;x=1/../y http://a/b/c/y", "g?y/./x http://a/b/c/g?y/./x",
        "g?y/../x http://a/b/c/g?y/../x", "g#s/./x http://a/b/c/g", "http:g http:g"})
    void resolvesTheRfcExamples(String reference, String expected) {
        assertThat(UriResolver.resolve(BASE, reference)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        // A next link that climbs past the root, as some APIs write it (RFC 2396 kept the extra "..").
        "../../../../../../c/x/items?page=3 http://127.0.0.1:8080/c/x/items?page=3",
        // A query-only link keeps the path (RFC 2396 dropped its last segment).
        "?page=3 http://127.0.0.1:8080/c/x/items?page=3",
        // The link's own encoding is kept: an opaque cursor with + / = stays as the API wrote it.
        "items?cursor=a%2Bb%2F%3D http://127.0.0.1:8080/c/x/items?cursor=a%2Bb%2F%3D",
        "https://other:9443/p?x=1 https://other:9443/p?x=1"})
    void resolvesNextLinksAsBrowsersDo(String reference, String expected) {
        assertThat(UriResolver.resolve("http://127.0.0.1:8080/c/x/items?page=2", reference)).isEqualTo(expected);
    }
}
