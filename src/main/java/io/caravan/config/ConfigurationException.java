package io.caravan.config;

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
}
