package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.run.RunSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MediaWiki's continuation object: every key of {@code continue} goes into the next query, and a key
 * that disappears is not sent again (the sandbox answers {@code badcontinue} to a stale one).
 */
class ContinuationPaginationTest extends PaginationContractTest {

    ContinuationPaginationTest() {
        super("/mediawiki/w/api.php?action=query&list=allpages&continue=", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "continuation", "continueFrom", "$.continue", "pageSizeParam", "aplimit",
                "pageSize", "100", "recordsPath", "$.query.allpages");
    }

    @Test
    void eachRequestCarriesOnlyTheKeysOfThePreviousContinuation() throws Exception {
        String source = addSource(650, "", Map.of());
        long before = fixture.sandbox.requestCount();

        RunSummary summary = fixture.caravan.run(source);

        assertThat(summary.completed()).isTrue();
        assertThat(summary.ended()).isEqualTo("no continuation object at $.continue on page 7");
        assertThat(landed(source).checksum()).isEqualTo(fixture.dataSet(650).checksum());
        List<String> requests = fixture.sandbox.requestLog().stream().skip(before).toList();
        assertThat(requests).hasSize(7);
        assertThat(requests.get(0)).doesNotContain("apcontinue").doesNotContain("rvcontinue");
        // The keys alternate: rvcontinue appears on page 2, is gone on page 3, and is back on page 4.
        for (int page = 2; page <= 7; page++) {
            String uri = requests.get(page - 1);
            boolean revisions = page % 2 == 0;
            assertThat(uri).as("page %d", page).contains(revisions ? "rvcontinue=" : "apcontinue=")
                    .doesNotContain(revisions ? "apcontinue=" : "rvcontinue=")
                    .contains(revisions ? "continue=%7C%7C" : "continue=-%7C%7C");
        }
    }
}
