package io.caravan.app;

import io.caravan.app.preview.Preview;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code preview URL}: looks at an API's first pages, says how it pages, and writes a route file. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Fetches the first page of URL (and the next, once a next signal is found), prints the records,"
                + " key candidates, pagination style and rate-limit headers, and can write a route file.")
final class PreviewCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL", description = "The first page's URL, with the query the API needs.")
    URI url;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "A request header, as a route's headers line (credentials: Authorization: Bearer …).")
    List<String> headers = List.of();

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", defaultValue = "GET", description = "The first request's method (default: GET).")
    String method;

    @Option(names = {"-d", "--body"}, paramLabel = "JSON", description = "The first request's JSON body (a search API's query).")
    String body;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A route parameter for the requests: auth, authToken, authUser, authPassword, apiKeyParam, apiKey,"
                    + " grantType, tokenUrl, clientId, clientSecret, scope, tokenParams, clientAuth, refreshToken.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--name", paramLabel = "NAME", description = "The source's name (default: from the URL's path).")
    String name;

    @Option(names = "--write", paramLabel = "FILE", description = "Write the route file there (routes/NAME.camel.yaml).")
    Path write;

    @Override
    public Integer call() throws Exception {
        return new Preview(url, new Preview.Request(method, body, headers, parameters), name, write, System.out).run();
    }
}
