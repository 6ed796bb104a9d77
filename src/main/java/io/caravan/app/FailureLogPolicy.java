package io.caravan.app;

import io.caravan.run.SourceFailedException;
import org.apache.camel.util.ObjectHelper;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;

/**
 * How the application's console shows failures: once, in one line. Below ERROR an event loses its
 * stack trace unless the application logs at DEBUG; and Camel's own WARN about an exchange that
 * failed with a source's failure is dropped, as the source already said it at ERROR.
 */
final class FailureLogPolicy {

    private final boolean debugging;

    /** @param debugging whether the application logs at DEBUG or finer (stack traces are then kept) */
    FailureLogPolicy(boolean debugging) {
        this.debugging = debugging;
    }

    /** The event as the console shows it, or {@code null} to leave it out. */
    LogEvent apply(LogEvent event) {
        Throwable thrown = event.getThrown();
        if (thrown == null || debugging || event.getLevel().isMoreSpecificThan(Level.ERROR)) {
            return event;
        }
        if (ObjectHelper.getException(SourceFailedException.class, thrown) != null) {
            return null;
        }
        return new Log4jLogEvent.Builder(event).setThrown(null).setThrownProxy(null).build();
    }
}
