package io.caravan.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void pagingParameterReplacesTheSameParameterInTheUrl() {
        PageRequest request = PageRequest.get("http://127.0.0.1:9/items?page=1&state=open")
                .withQueryParam("page", "3");

        assertThat(request.uri().toString()).isEqualTo("http://127.0.0.1:9/items?state=open&page=3");
    }

    @Test
    void opaqueCursorIsPercentEncodedSoPlusSlashAndEqualsSurvive() {
        PageRequest request = PageRequest.get("http://127.0.0.1:9/items").withQueryParam("cursor", "a+b/c==");

        assertThat(request.rawQuery()).isEqualTo("cursor=a%2Bb%2Fc%3D%3D");
    }

    @Test
    void followingALinkDropsCaravansParametersAndCountsThePage() {
        PageRequest first = PageRequest.get("http://127.0.0.1:9/items").withQueryParam("per_page", "100");

        PageRequest next = first.followingAt("http://127.0.0.1:9/items?per_page=100&page=2");

        assertThat(next.uri().toString()).isEqualTo("http://127.0.0.1:9/items?per_page=100&page=2");
        assertThat(next.pageIndex()).isEqualTo(1);
    }

    @Test
    void originIsSchemeHostAndPort() {
        assertThat(PageRequest.get("https://api.example.test:8443/v1/x?y=1").origin())
                .isEqualTo("https://api.example.test:8443");
    }
}
