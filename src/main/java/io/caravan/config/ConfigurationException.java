package io.caravan.config;

import org.apache.camel.util.ObjectHelper;

/**
 * A source's configuration is wrong: the message names the route, its file when known, the
 * parameter, the value and what was expected, in one line a user can act on.
 */
public final class ConfigurationException extends IllegalArgumentException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Camel could not start the routes because of {@code failure}: the configuration error in its
     * chain, or one holding the message of its innermost cause (a route file Camel refused).
     */
    public static ConfigurationException startFailure(Throwable failure) {
        ConfigurationException found = ObjectHelper.getException(ConfigurationException.class, failure);
        if (found != null) {
            return found;
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return new ConfigurationException("the routes could not start: " + cause.getMessage(), failure);
    }
}
