package org.gongzhang.service.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.gongzhang.verifier.cli.LedgerCli;

/**
 * {@code ./ledger} run in-process, as an auditor would run it against the service under test.
 *
 * @param exit the exit code (0 all good, 1 failed, 2 usage)
 * @param out  what it printed
 * @param err  what it printed on standard error
 */
public record Cli(int exit, String out, String err) {

    public static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LedgerCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n" + out + err;
    }
}
