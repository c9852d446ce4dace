package org.gongzhang.verifier.cli;

import java.io.IOException;
import java.io.PrintStream;

/** One {@code ./ledger} sub-command. */
interface Command {
    /** Runs the command and returns its exit code. */
    int run(Arguments args, PrintStream out, PrintStream err) throws IOException;
}
