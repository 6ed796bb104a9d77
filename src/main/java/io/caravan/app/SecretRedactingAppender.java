package io.caravan.app;

import io.caravan.request.SecretsInUse;
import io.caravan.run.RedactedFailure;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * Stands in front of each of the application's log appenders and replaces every secret of every
 * source's credentials (see {@link SecretsInUse}) in the message and the exception of each event,
 * whatever logger wrote it and at whatever level: camel-http logs request URIs and the HTTP client
 * logs headers at DEBUG. Failures are shown as {@link FailureLogPolicy} says: once, without a stack
 * trace below ERROR unless logging at DEBUG.
 */
final class SecretRedactingAppender extends AbstractAppender {

    private final Appender target;
    private final FailureLogPolicy failures;

    private SecretRedactingAppender(Appender target, FailureLogPolicy failures) {
        super(target.getName() + "-redacted", null, null, true, Property.EMPTY_ARRAY);
        this.target = target;
        this.failures = failures;
    }

    /** Puts a redacting appender in front of every appender of the current logging configuration. */
    static void install() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        List<LoggerConfig> loggers = new ArrayList<>(configuration.getLoggers().values());
        if (!loggers.contains(configuration.getRootLogger())) {
            loggers.add(configuration.getRootLogger());
        }
        FailureLogPolicy failures = new FailureLogPolicy(
                configuration.getLoggerConfig("io.caravan").getLevel().isLessSpecificThan(Level.DEBUG));
        for (LoggerConfig logger : loggers) {
            for (AppenderRef ref : logger.getAppenderRefs()) {
                Appender target = configuration.getAppender(ref.getRef());
                if (target != null) {
                    SecretRedactingAppender redacting = new SecretRedactingAppender(target, failures);
                    redacting.start();
                    logger.removeAppender(ref.getRef());
                    logger.addAppender(redacting, ref.getLevel(), ref.getFilter());
                }
            }
        }
        context.updateLoggers();
    }

    @Override
    public void append(LogEvent logged) {
        LogEvent event = failures.apply(logged);
        if (event == null) {
            return;
        }
        String message = event.getMessage().getFormattedMessage();
        String cleanMessage = SecretsInUse.redact(message);
        Throwable thrown = event.getThrown();
        Throwable cleanThrown = RedactedFailure.of(thrown, SecretsInUse::redact);
        if (cleanMessage.equals(message) && cleanThrown == thrown) {
            target.append(event);
        } else {
            target.append(new Log4jLogEvent.Builder(event).setMessage(new SimpleMessage(cleanMessage))
                    .setThrown(cleanThrown).setThrownProxy(null).build());
        }
    }
}
