package org.gongzhang.verifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.Cosigner;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.witness.Witness;
import org.gongzhang.verifier.witness.WitnessKeyFile;
import org.gongzhang.verifier.witness.WitnessServer;
import org.gongzhang.verifier.witness.WitnessState;

/**
 * {@code ledger witness}: runs an independent witness (见证人) as its own process, e.g. at the 社区
 * office or the 街道, with its own key and memory; {@code ledger witness init} makes its key and
 * prints the cosigner key the log's operator configures and auditors pin.
 */
final class WitnessCommand implements Command {

    private static final String PINNED_LOG_KEYS = "log-keys.pinned";
    private static final String DEFAULT_ORIGIN_PREFIX = Checkpoint.bookOrigin("");

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        if (args.positionalCount() == 1 && args.single("subcommand").equals("init")) {
            args.allowing(Set.of("--key", "--name"));
            out.println(cosigner(args).verifierKey());
            return LedgerCli.OK;
        }
        if (args.positionalCount() != 0) {
            throw new UsageError("the only subcommand is init");
        }
        args.allowing(Set.of("--listen", "--state", "--key", "--name", "--log-key", "--log-key-url", "--origin-prefix"));
        Cosigner cosigner = cosigner(args);
        InetSocketAddress listen = listen(args.required("--listen"));
        try (WitnessState state = WitnessState.open(Path.of(args.required("--state")))) {
            List<NoteVerifierKey> logKeys = logKeys(args, state.directory(), err);
            Witness witness = new Witness(cosigner, logKeys, args.option("--origin-prefix").orElse(DEFAULT_ORIGIN_PREFIX),
                    state, Clock.systemUTC());
            try (WitnessServer server = WitnessServer.start(witness, listen)) {
                out.println("witness " + cosigner.verifierKey().name() + " listening on " + server.url()
                        + ", state in " + state.directory() + ", trusting log key(s) "
                        + witness.logKeys().stream().map(NoteVerifierKey::toString).toList());
                out.println("cosigner key: " + cosigner.verifierKey());
                new CountDownLatch(1).await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return LedgerCli.OK;
    }

    private static Cosigner cosigner(Arguments args) throws IOException {
        String name = args.required("--name");
        try {
            return Cosigner.of(name, WitnessKeyFile.loadOrCreate(Path.of(args.required("--key"))));
        } catch (MalformedNote e) {
            throw new UsageError("--name: " + e.getMessage());
        }
    }

    private static InetSocketAddress listen(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new UsageError("--listen takes HOST:PORT, e.g. 127.0.0.1:8091, not " + hostPort);
        }
    }

    /**
     * The pinned log keys ({@code --log-key}, repeatable); with {@code --log-key-url} (for the demo) the
     * key fetched once from the log and pinned in the state directory, refetched never.
     */
    private static List<NoteVerifierKey> logKeys(Arguments args, Path state, PrintStream err) throws IOException,
            InterruptedException {
        List<NoteVerifierKey> keys = new ArrayList<>(args.repeated("--log-key").stream().map(VerifyCommand::logKey).toList());
        if (args.option("--log-key-url").isPresent()) {
            Path pinned = state.resolve(PINNED_LOG_KEYS);
            if (!Files.exists(pinned)) {
                Files.writeString(pinned, fetch(args.option("--log-key-url").get(), err) + "\n");
            }
            keys.add(VerifyCommand.logKey(pinned.toString()));
        }
        if (keys.isEmpty()) {
            throw new UsageError("a witness needs the log key it trusts: --log-key FILE");
        }
        return keys;
    }

    /** The log key served at {@code url}, waiting for the log to come up. */
    private static String fetch(String url, PrintStream err) throws InterruptedException {
        LedgerServer server = new LedgerServer(url);
        for (int attempt = 0; ; attempt++) {
            try {
                LedgerServer.Answer answer = server.get("", "text/plain");
                if (answer.ok()) {
                    return NoteVerifierKey.parse(answer.text()).toString();
                }
            } catch (LedgerServer.Unreachable | MalformedNote e) {
                if (attempt % 30 == 0) {
                    err.println("witness: waiting for the log key at " + url + " (" + e.getMessage() + ")");
                }
            }
            Thread.sleep(1000);
        }
    }
}
