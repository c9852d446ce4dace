package org.gongzhang.verifier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.gongzhang.verifier.Finding;
import org.gongzhang.verifier.VerificationReport;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;

/** {@code ledger verify BUNDLE [--log-key KEY] [--json]}: checks a bundle file offline. */
final class VerifyCommand implements Command {

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        args.allowing(Set.of("--log-key"));
        Path bundle = Path.of(args.single("bundle file"));
        Optional<NoteVerifierKey> logKey = args.option("--log-key").map(VerifyCommand::logKey);
        VerificationReport report = Verifier.verify(bundle, logKey);
        if (args.flag("--json")) {
            out.println(CanonicalJson.canonicalize(json(report)));
        } else {
            print(bundle, report, out);
        }
        return report.ok() ? LedgerCli.OK : LedgerCli.FAILED;
    }

    /** The key itself ({@code name+hash+base64}) or a file holding it, as published by the service. */
    static NoteVerifierKey logKey(String keyOrFile) {
        try {
            Path file = Path.of(keyOrFile);
            String text = Files.isRegularFile(file) ? Files.readString(file).strip() : keyOrFile;
            return NoteVerifierKey.parse(text);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new UsageError("--log-key: cannot read " + keyOrFile);
        } catch (MalformedNote e) {
            throw new UsageError("--log-key: " + e.getMessage());
        }
    }

    private static void print(Path bundle, VerificationReport report, PrintStream out) {
        out.println("bundle " + bundle + ", book " + report.book());
        if (report.trustOnFirstUse()) {
            out.println("log key " + report.logKey() + " taken from the bundle itself (trust on first use);"
                    + " pass --log-key with the key your community published to rule out a substituted bundle");
        } else {
            out.println("log key " + report.logKey());
        }
        report.findings().forEach(out::println);
        out.println(report.ok()
                ? "OK: " + report.entries() + " entries verified, Merkle root " + report.root()
                : "FAILED: " + report.findings().size() + " finding(s) in " + report.entries() + " entries");
    }

    private static ObjectNode json(VerificationReport report) {
        ObjectNode node = CanonicalJson.mapper().createObjectNode()
                .put("book", report.book()).put("entries", report.entries()).put("root", report.root())
                .put("logKey", report.logKey()).put("trustOnFirstUse", report.trustOnFirstUse()).put("ok", report.ok());
        ArrayNode findings = node.putArray("findings");
        for (Finding f : report.findings()) {
            findings.addObject().put("index", f.index()).put("code", f.code()).put("message", f.message());
        }
        return node;
    }
}
