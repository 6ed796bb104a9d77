package io.caravan.request;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Every source's credentials in this JVM, so that text written anywhere (a log line of any library,
 * at any level) can be cleaned of their secrets. Credentials are held weakly: a source's routes
 * removed, its secrets are forgotten with them.
 */
public final class SecretsInUse {

    private static final Set<Credentials> CREDENTIALS = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<Credentials, Boolean>()));

    private SecretsInUse() {
    }

    /** Registers credentials in use; returns them. */
    public static Credentials register(Credentials credentials) {
        CREDENTIALS.add(credentials);
        return credentials;
    }

    /** {@code text} with every secret of every registered source replaced by {@code ****}. */
    public static String redact(String text) {
        String clean = text;
        synchronized (CREDENTIALS) {
            for (Credentials credentials : CREDENTIALS) {
                clean = credentials.redact(clean);
            }
        }
        return clean;
    }
}
