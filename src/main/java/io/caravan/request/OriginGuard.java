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

    /** Fails when {@code request} is on an origin not allowed. */
    public void check(PageRequest request) {
        if (!origins.contains(request.origin())) {
            throw new IllegalStateException("next page is on another origin (" + request.origin()
                    + ", expected " + String.join(" or ", new TreeSet<>(origins))
                    + "); refusing to follow it (allowedOrigins lists origins next pages may be on)");
        }
    }
}
