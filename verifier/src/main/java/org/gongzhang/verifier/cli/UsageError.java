package org.gongzhang.verifier.cli;

/** The command line was not understood; the CLI prints the message and exits with {@value LedgerCli#USAGE}. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }
}
