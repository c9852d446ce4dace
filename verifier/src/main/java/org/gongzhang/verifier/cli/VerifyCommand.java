package org.gongzhang.verifier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongzhang.verifier.FileVerification;
import org.gongzhang.verifier.Finding;
import org.gongzhang.verifier.VerificationReport;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.entry.Custody;
import org.gongzhang.verifier.statement.Fen;
import org.gongzhang.verifier.statement.Statement;
import org.gongzhang.verifier.statement.StatementVersion;
import org.gongzhang.verifier.VerifyOptions;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;

/**
 * {@code ledger verify BUNDLE [--log-key KEY|FILE] [--since FILE] [--witness-key KEY|FILE]...
 * [--cosignatures K] [--json]}: checks a bundle file offline.
 */
final class VerifyCommand implements Command {

    private static final String LOG_KEY = "--log-key";
    private static final String SINCE = "--since";
    private static final String WITNESS_KEY = "--witness-key";
    private static final String COSIGNATURES = "--cosignatures";

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        args.allowing(Set.of(LOG_KEY, SINCE, WITNESS_KEY, COSIGNATURES));
        Path bundle = Path.of(args.single("bundle file"));
        VerifyOptions options = options(args);
        FileVerification verified = Verifier.verifyFile(bundle, options);
        VerificationReport report = verified.report();
        if (args.flag("--json")) {
            out.println(CanonicalJson.canonicalize(json(report)));
        } else {
            print(bundle, report, out);
            verified.custody().map(VerifyCommand::signersLine).ifPresent(out::println);
            verified.statement().flatMap(s -> statementLine(s, report)).ifPresent(out::println);
            report.statement().map(VerifyCommand::versionLine).ifPresent(out::println);
        }
        return report.ok() ? LedgerCli.OK : LedgerCli.FAILED;
    }

    private static VerifyOptions options(Arguments args) {
        return new VerifyOptions(
                args.option(LOG_KEY).map(VerifyCommand::logKey),
                args.option(SINCE).map(VerifyCommand::savedCheckpoint),
                args.repeated(WITNESS_KEY).stream().flatMap(value -> witnessKeys(value).stream()).toList(),
                args.option(COSIGNATURES).map(VerifyCommand::count).orElse(0));
    }

    /** The key itself ({@code name+hash+base64}) or a file holding it, as published by the service. */
    static NoteVerifierKey logKey(String keyOrFile) {
        return noteKey(LOG_KEY, readIfFile(LOG_KEY, keyOrFile).strip());
    }

    /** A witness's key itself, or a file holding one or more, one per line. */
    private static List<NoteVerifierKey> witnessKeys(String keyOrFile) {
        return readIfFile(WITNESS_KEY, keyOrFile).lines().filter(line -> !line.isBlank())
                .map(line -> noteKey(WITNESS_KEY, line)).toList();
    }

    /** A checkpoint the user saved earlier: a signed note whose text is a checkpoint body. */
    private static SignedNote savedCheckpoint(String file) {
        String text = read(SINCE, file);
        try {
            SignedNote note = SignedNote.parse(text);
            Checkpoint.parse(note.text());
            return note;
        } catch (MalformedNote e) {
            throw new UsageError(SINCE + ": " + file + " is not a signed checkpoint: " + e.getMessage());
        }
    }

    private static int count(String value) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UsageError(COSIGNATURES + " takes a whole number ≥ 0, not " + value);
    }

    private static NoteVerifierKey noteKey(String option, String text) {
        try {
            return NoteVerifierKey.parse(text);
        } catch (MalformedNote e) {
            throw new UsageError(option + ": neither a readable file nor a note key: " + e.getMessage());
        }
    }

    private static String readIfFile(String option, String keyOrFile) {
        try {
            return Files.isRegularFile(Path.of(keyOrFile)) ? read(option, keyOrFile) : keyOrFile;
        } catch (InvalidPathException e) {
            return keyOrFile;
        }
    }

    private static String read(String option, String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | InvalidPathException e) {
            throw new UsageError(option + ": cannot read " + file);
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
        if (!report.rotatedFrom().isEmpty()) {
            out.println("log key rotated " + report.rotatedFrom().size() + " time(s) since the pinned key "
                    + report.rotatedFrom().get(0) + ", each rotation signed by the old and the new key");
        }
        out.println(report.witnesses().isEmpty()
                ? "no witness cosignature verified"
                : "cosigned by " + report.witnesses().size() + " witness(es): " + String.join(", ", report.witnesses()));
        if (report.unknownSignatures() > 0) {
            out.println(report.unknownSignatures() + " unknown signature(s) ignored");
        }
        report.consistentSince().ifPresent(size -> out.println("consistent with the checkpoint saved earlier at size " + size));
        report.findings().forEach(out::println);
        out.println(report.ok()
                ? "OK: " + report.entries() + " entries verified, Merkle root " + report.root()
                : "FAILED: " + report.findings().size() + " finding(s) in " + report.entries() + " entries");
    }

    /**
     * Who held the keys: entries signed by the actor's own key, and entries the service signed for
     * the actor with a key it keeps (代签, {@code "custodial": true}), which prove less.
     */
    private static String signersLine(Custody custody) {
        return "signed by the actor's own key: " + custody.own()
                + " entries; signed by the service for the actor (custodial, 代签): " + custody.custodial();
    }

    /** What the statement in the bundle says and whether its figures agree with the entries. */
    private static Optional<String> statementLine(String statementJson, VerificationReport report) {
        Optional<Statement> statement;
        try {
            statement = Optional.of(Statement.parse(statementJson));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // reported as a finding already
        }
        boolean agrees = report.findings().stream()
                .noneMatch(f -> f.code().startsWith("statement.") && !f.code().equals("statement.not-signed"));
        return statement.map(s -> "statement " + s.from() + "…" + s.to() + " on the checkpoint of "
                + s.checkpointSize() + " entries: opening " + Fen.format(s.figures().openingBalance())
                + ", income " + Fen.format(s.figures().totalIncome()) + ", expenses "
                + Fen.format(s.figures().totalExpenses()) + ", to maintenance fund "
                + Fen.format(s.figures().transferToMaintenanceFund()) + ", closing "
                + Fen.format(s.figures().closingBalance()) + ", " + s.figures().items().size() + " itemised; "
                + (agrees ? "every figure agrees with the entries" : "figures DIFFER from the entries (see findings)"));
    }

    /** Which statement version the bundle's statement.json is, and how far it went: signed off, published, superseded. */
    private static String versionLine(StatementVersion v) {
        return "statement.json is statement " + v.statementId() + " version " + v.version()
                + v.corrects().map(c -> " (a correction of " + c + ")").orElse("")
                + ", drafted by " + v.drafter() + " at entry " + v.draftedAt()
                + (v.withdrawn() ? ", WITHDRAWN" : "")
                + v.signOff().map(s -> ", signed off by " + s.actor() + " at entry " + s.index())
                        .orElse(", NOT signed off")
                + v.posting().map(p -> ", published for posting " + p.from() + "…" + p.until() + " at entry " + p.index())
                        .orElse(", not published")
                + v.supersededBy().map(c -> "; superseded by the correction " + c).orElse("");
    }

    private static ObjectNode json(VerificationReport report) {
        ObjectNode node = CanonicalJson.mapper().createObjectNode()
                .put("book", report.book()).put("entries", report.entries()).put("root", report.root())
                .put("logKey", report.logKey()).put("trustOnFirstUse", report.trustOnFirstUse()).put("ok", report.ok())
                .put("unknownSignatures", report.unknownSignatures());
        report.witnesses().forEach(node.putArray("witnesses")::add);
        report.rotatedFrom().forEach(node.putArray("rotatedFrom")::add);
        if (report.consistentSince().isPresent()) {
            node.put("consistentSince", report.consistentSince().getAsLong());
        } else {
            node.putNull("consistentSince");
        }
        report.statement().ifPresentOrElse(v -> version(node.putObject("statement"), v), () -> node.putNull("statement"));
        ArrayNode findings = node.putArray("findings");
        for (Finding f : report.findings()) {
            findings.addObject().put("index", f.index()).put("code", f.code()).put("message", f.message());
        }
        return node;
    }

    private static void version(ObjectNode node, StatementVersion v) {
        node.put("statementId", v.statementId()).put("version", v.version()).put("draftedAt", v.draftedAt())
                .put("drafter", v.drafter()).put("contentHash", v.contentHash())
                .put("corrects", v.corrects().orElse(null)).put("withdrawn", v.withdrawn())
                .put("supersededBy", v.supersededBy().orElse(null));
        v.signOff().ifPresentOrElse(s -> node.putObject("signOff").put("actor", s.actor()).put("index", s.index()),
                () -> node.putNull("signOff"));
        v.posting().ifPresentOrElse(p -> node.putObject("posting").put("from", p.from().toString())
                .put("until", p.until().toString()).put("index", p.index()), () -> node.putNull("posting"));
    }
}
