package io.caravan.app;

import io.caravan.config.ConfigurationException;
import io.caravan.request.SecretsInUse;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line (picocli): runs the command and returns the exit status. Every expected error is
 * one line on standard error with no stack trace (the trace at DEBUG): a usage mistake or a
 * configuration error is status 2, anything else that stops a command status 1.
 */
final class Commands {

    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);
    private static final int USAGE = 2;

    private Commands() {
    }

    static int run(String[] args) {
        CommandLine line = new CommandLine(new CaravanCommand());
        line.setParameterExceptionHandler(Commands::usageError);
        line.setExecutionExceptionHandler((failure, failed, parsed) -> failed(failure, failed.getErr()));
        return line.execute(args);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName(" ");
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && command.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + unmatched.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", command.getSubcommands().keySet()) + ")";
        }
        command.getErr().println(name + ": " + message + "; see '" + name + " --help'");
        return USAGE;
    }

    private static int failed(Exception failure, PrintWriter err) {
        if (failure instanceof ConfigurationException) {
            LOG.debug("configuration error", failure);
            err.println("caravan: configuration error: " + SecretsInUse.redact(failure.getMessage()));
            return USAGE;
        }
        LOG.debug("command failed", failure);
        err.println("caravan: " + SecretsInUse.redact(String.valueOf(failure.getMessage() == null
                ? failure.getClass().getSimpleName() : failure.getMessage())));
        return 1;
    }
}
