package io.caravan.request;

import java.util.List;
import java.util.Set;
import org.apache.camel.Message;

/**
 * How a source proves who it is to the API. Credentials are added to each message as it is sent,
 * never to the {@link PageRequest} (the checkpoint), and only for the source's own origin.
 */
public interface Credentials {

    /** No credentials. */
    Credentials NONE = new Credentials() {
        @Override
        public void apply(Message message) {
            // nothing to add
        }

        @Override
        public List<String> secrets() {
            return List.of();
        }
    };

    /** Adds the credentials to the message camel-http is about to send. */
    void apply(Message message);

    /**
     * Drops a credential the API refused (HTTP 401): true when the retry will send a fresh one,
     * false (as here) when the credentials are fixed and retrying cannot help.
     */
    default boolean renew() {
        return false;
    }

    /** The query parameters these credentials are sent in (an API key in the query), never to be stored. */
    default Set<String> queryParameters() {
        return Set.of();
    }

    /** The secret values in use now (a renewed token included), so that any text can be cleaned of them. */
    List<String> secrets();

    /** {@code text} with every secret in use replaced by {@code ****}. */
    default String redact(String text) {
        if (text == null) {
            return null;
        }
        String clean = text;
        for (String secret : secrets()) {
            if (secret != null && secret.length() >= 4) {
                clean = clean.replace(secret, "****");
            }
        }
        return clean;
    }
}
