package io.caravan.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Message;

/**
 * Several credentials sent together (a secret fixed header and an OAuth2 token), applied in order, so a
 * later one wins for the same header; renewed when any of them can renew.
 */
public final class CredentialChain implements Credentials {

    private final List<Credentials> links;

    private CredentialChain(List<Credentials> links) {
        this.links = links;
    }

    /** {@code links} as one; a single one is returned as it is. */
    public static Credentials of(List<Credentials> links) {
        List<Credentials> used = links.stream().filter(link -> link != NONE).toList();
        return used.isEmpty() ? NONE : used.size() == 1 ? used.get(0) : new CredentialChain(used);
    }

    @Override
    public void apply(Message message) {
        links.forEach(link -> link.apply(message));
    }

    @Override
    public boolean renew() {
        boolean renewed = false;
        for (Credentials link : links) {
            renewed |= link.renew();
        }
        return renewed;
    }

    @Override
    public Set<String> queryParameters() {
        Set<String> names = new LinkedHashSet<>();
        links.forEach(link -> names.addAll(link.queryParameters()));
        return names;
    }

    @Override
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        links.forEach(link -> secrets.addAll(link.secrets()));
        return secrets;
    }
}
