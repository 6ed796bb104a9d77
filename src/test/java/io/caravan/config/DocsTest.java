package io.caravan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and {@code docs/} stay true: every relative link reaches a file and, with an anchor, one
 * of its headings; every route parameter a YAML example names is one the template knows.
 */
class DocsTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern YAML = Pattern.compile("(?s)```yaml\\n(.*?)```");
    private static final Pattern PARAMETER = Pattern.compile("(?m)^\\s*- (?:\\{)?name: ([A-Za-z]+)");

    static List<Path> documents() throws Exception {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("k8s", "README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    @Test
    void everyLinkReachesAFileAndItsHeading() throws Exception {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : documents()) {
            Matcher links = LINK.matcher(Files.readString(document));
            while (links.find()) {
                String link = links.group(1);
                if (link.startsWith("http://") || link.startsWith("https://") || link.startsWith("mailto:")) {
                    continue;
                }
                checked++;
                String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                Path target = file.isEmpty() ? document : document.resolveSibling(file).normalize();
                if (!Files.exists(target)) {
                    broken.add(document + ": " + link + " (no file " + target + ")");
                } else if (link.contains("#") && !anchors(target).contains(link.substring(link.indexOf('#') + 1))) {
                    broken.add(document + ": " + link + " (no such heading in " + target + ")");
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(checked).as("links checked").isGreaterThan(10);
    }

    @Test
    void everyParameterInAnExampleIsKnown() throws Exception {
        Set<String> known = new HashSet<>();
        Parameters.all().forEach(parameter -> known.add(parameter.name()));
        List<String> unknown = new ArrayList<>();
        int named = 0;
        for (Path document : documents()) {
            Matcher blocks = YAML.matcher(Files.readString(document));
            while (blocks.find()) {
                if (!blocks.group(1).contains("caravan-paginated-http")) {
                    continue;
                }
                Matcher parameters = PARAMETER.matcher(blocks.group(1));
                while (parameters.find()) {
                    named++;
                    if (!known.contains(parameters.group(1))) {
                        unknown.add(document + ": " + parameters.group(1));
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(named).as("parameters named in examples").isGreaterThanOrEqualTo(10);
    }

    /** The anchors GitHub makes of a Markdown file's headings. */
    private static Set<String> anchors(Path file) throws Exception {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                anchors.add(title.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
