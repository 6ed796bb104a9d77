package io.caravan.request;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps a source's requests on its own origins: the first URL's, and those the route allows next
 * pages to be on ({@code allowedOrigins}). A next link to any other origin is refused.
 */
public final class OriginGuard {

    private final Set<String> origins;

    /** Allows {@code first}'s origin and {@code others}. */
    public OriginGuard(PageRequest first, Set<String> others) {
        this.origins = new HashSet<>(others);
        this.origins.add(first.origin());
    }

    /** Why {@code request} is refused, when it is on an origin not allowed; else {@code null}. */
    public String refusal(PageRequest request) {
        if (origins.contains(request.origin())) {
            return null;
        }
        return "next page is on another origin (" + request.origin() + ", expected "
                + String.join(" or ", new TreeSet<>(origins))
                + "); refusing to follow it (allowedOrigins lists origins next pages may be on)";
    }
}
