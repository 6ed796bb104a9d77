package io.caravan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The got paginator (npm {@code got} {@value #VERSION}) as a peer of the cold benchmark: installed by
 * npm into the benchmark's folder on first use, then a script that follows a Stripe-style cursor
 * through every page and counts the records, storing nothing. Absent where Node or npm is missing.
 */
final class GotPeer {

    static final String VERSION = "14.6.6";

    private static final String SCRIPT = """
            import got from 'got';
            const first = new URL(process.argv[2]);
            let records = 0;
            for await (const record of got.paginate(first, {
              responseType: 'json',
              pagination: {
                transform: response => response.body.data,
                paginate: ({response, currentItems}) => {
                  if (!response.body.has_more || currentItems.length === 0) return false;
                  const next = new URL(first);
                  next.searchParams.set('starting_after', currentItems[currentItems.length - 1].id);
                  return {url: next};
                },
                requestLimit: 1e9,
                stackAllItems: false
              }
            })) { records++; }
            console.log(`got read ${records} records`);
            """;

    private GotPeer() {
    }

    /** The peer for {@code url}, or {@code null} (saying why) where got cannot be installed here. */
    static FreshProcess prepare(Path folder, String url) throws Exception {
        Path node = folder.resolve("node");
        Files.createDirectories(node);
        if (!Files.isDirectory(node.resolve("node_modules/got"))) {
            Process install;
            try {
                install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent", "got@" + VERSION)
                        .directory(node.toFile()).inheritIO().start();
            } catch (java.io.IOException noNpm) {
                System.out.println("got: skipped, npm is not installed here");
                return null;
            }
            if (!install.waitFor(300, TimeUnit.SECONDS) || install.exitValue() != 0) {
                install.destroyForcibly();
                System.out.println("got: skipped, npm install got@" + VERSION + " failed");
                return null;
            }
        }
        Files.writeString(node.resolve("paginate.mjs"), SCRIPT);
        return new FreshProcess("got " + VERSION + " (Node), no sink", List.of("node", "paginate.mjs", url), Map.of(), node);
    }
}
