package io.caravan.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** {@code headers} lines: values with commas, secrets by name or by placeholder, and errors that name no value. */
class FixedHeadersTest {

    @Test
    void eachLineIsOneHeaderAndAValueMayHoldCommasAndColons() {
        FixedHeaders headers = FixedHeaders.parse("""
                Accept: application/vnd.github.v3+json, application/json;q=0.5
                # a comment
                X-Window: 10:00-12:00

                Notion-Version: 2022-06-28
                """, value -> value);
        Message message = message();

        headers.applyTo(message);

        assertThat(message.getHeader("Accept")).isEqualTo("application/vnd.github.v3+json, application/json;q=0.5");
        assertThat(message.getHeader("X-Window")).isEqualTo("10:00-12:00");
        assertThat(message.getHeader("Notion-Version")).isEqualTo("2022-06-28");
        assertThat(headers.credentials()).isEmpty();
    }

    @Test
    void aCredentialNamedHeaderOrAPlaceholderValueIsASecretSentAsACredential() {
        FixedHeaders headers = FixedHeaders.parse("""
                Authorization: token ghp_literal
                X-Shopify-Access-Token: shpat_1234
                X-Tenant: {{tenant}}
                Accept: application/json
                """, value -> value.replace("{{tenant}}", "acme-corp"));
        Message open = message();
        headers.applyTo(open);
        Message own = message();
        CredentialChain.of(headers.credentials()).apply(own);

        assertThat(open.getHeaders()).containsOnlyKeys("Accept");
        assertThat(own.getHeaders()).containsOnlyKeys("Authorization", "X-Shopify-Access-Token", "X-Tenant");
        assertThat(own.getHeader("X-Tenant")).isEqualTo("acme-corp");
        Credentials secrets = CredentialChain.of(headers.credentials());
        assertThat(secrets.redact("got token ghp_literal for acme-corp")).isEqualTo("got **** for ****");
        assertThat(headers.shape()).doesNotContain("ghp_literal").doesNotContain("acme-corp").contains("Accept=application/json");
    }

    @Test
    void badLinesAreRefusedNamingTheLineAndTheHeaderButNoValue() {
        for (List<String> bad : List.of(List.of("Accept: a\nAuthorization token s3cr3t", "line 2 is not 'Name: value' (one header per line)"),
                List.of("Host: example.com", "line 1: Host is set by the HTTP client"),
                List.of("Accept: a\naccept: s3cr3t", "line 2: accept is given twice"),
                List.of("X-Key:", "line 1: X-Key has no value"))) {
            assertThatThrownBy(() -> FixedHeaders.parse(bad.get(0), value -> value)).hasMessage(bad.get(1))
                    .hasMessageNotContaining("s3cr3t");
        }
    }

    private static Message message() {
        return new DefaultExchange(new DefaultCamelContext()).getMessage();
    }
}
