package io.caravan.sandbox;

import java.util.Set;

/**
 * GitHub Enterprise Server's REST API ({@code /api/v3/…}), paged as {@link GitHubContract}, which answers
 * only a request with its media type ({@code Accept: application/vnd.github.v3+json} or
 * {@code application/vnd.github+json}), an API version ({@code X-GitHub-Api-Version: 2022-11-28}) and a
 * token ({@code Authorization: token …} or {@code Bearer …}): without the token it says 404, as GitHub
 * does for a private repository; a wrong media type is 415 and a missing version 400.
 */
final class GitHubEnterpriseContract extends GitHubContract {

    /** The token the sandbox's GitHub Enterprise accepts. */
    static final String TOKEN = "sandbox-ghe-token";

    private static final Set<String> MEDIA_TYPES = Set.of("application/vnd.github.v3+json", "application/vnd.github+json");

    GitHubEnterpriseContract() {
        super("/ghe/api/v3/repos/caravan/demo/issues");
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        String authorization = request.headers().get("authorization");
        if (!("token " + TOKEN).equals(authorization) && !("Bearer " + TOKEN).equals(authorization)) {
            return SandboxResponse.error(404, "Not Found");
        }
        if (!MEDIA_TYPES.contains(request.headers().get("accept"))) {
            return SandboxResponse.error(415, "Unsupported 'Accept' header: " + request.headers().get("accept"));
        }
        if (!"2022-11-28".equals(request.headers().get("x-github-api-version"))) {
            return SandboxResponse.error(400, "X-GitHub-Api-Version header is missing or invalid");
        }
        return super.serve(request, data, knobs);
    }
}
