package org.gongzhang.verifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ./ledger}: the auditor's and client's command line. Exit 0 all good, 1 failed, 2 usage or I/O error. */
public final class LedgerCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Map<String, Command> COMMANDS = Map.of(
            "verify", new VerifyCommand(),
            "export", new ExportCommand(),
            "keygen", new KeygenCommand(),
            "sign", new SignCommand(),
            "submit", new SubmitCommand(),
            "cosign", new CosignCommand(),
            "witness", new WitnessCommand());
    private static final Set<String> FLAGS = Set.of("--json");

    private LedgerCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line and returns the exit code, never exiting the JVM. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            out.print(HelpText.TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("unknown command " + args[0] + "; try: ledger help");
            return USAGE;
        }
        try {
            return command.run(Arguments.parse(Arrays.asList(args).subList(1, args.length), FLAGS), out, err);
        } catch (UsageError e) {
            err.println(args[0] + ": " + e.getMessage() + "; try: ledger help");
            return USAGE;
        } catch (NoSuchFileException e) {
            err.println(args[0] + ": no such file: " + e.getFile());
            return USAGE;
        } catch (IOException | IllegalArgumentException e) {
            err.println(args[0] + ": " + e.getMessage());
            return USAGE;
        }
    }
}
