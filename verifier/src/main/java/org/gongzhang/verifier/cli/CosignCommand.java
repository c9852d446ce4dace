package org.gongzhang.verifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.crypto.SigningKey;
import org.gongzhang.verifier.merkle.ConsistencyProof;

/**
 * {@code ledger cosign}: a witness (见证人) cosigns a book's latest checkpoint, but only after
 * checking the log's signature on it and that it extends the checkpoint the witness cosigned last
 * (kept in the state file). A log that shows the witness two histories gets no cosignature.
 */
final class CosignCommand implements Command {

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        args.allowing(Set.of("--book", "--key", "--name", "--log-key", "--state", "--server"));
        String book = args.required("--book");
        KeyPair witness = witnessKey(Path.of(args.required("--key")));
        NoteSigner signer = NoteSigner.of(args.required("--name"), witness);
        NoteVerifierKey logKey = VerifyCommand.logKey(args.required("--log-key"));
        Path state = Path.of(args.required("--state"));
        Optional<Checkpoint> last = saved(state, book, logKey);
        LedgerServer server = LedgerServer.from(args);
        String bookPath = "/api/books/" + ExportCommand.path(book);
        try {
            LedgerServer.Answer latest = server.get(bookPath + "/checkpoint", "text/plain");
            if (!latest.ok()) {
                err.println("cosign: the server answered " + latest.status() + ": " + latest.text());
                return LedgerCli.FAILED;
            }
            SignedNote note = signedByLog(latest.text(), logKey, "the server's checkpoint");
            Checkpoint current = forBook(note, book, "the server's checkpoint");
            if (last.isPresent() && !extendsLast(server, bookPath, last.get(), current, err)) {
                return LedgerCli.FAILED;
            }
            String line = signer.sign(note.text()).line() + "\n";
            LedgerServer.Answer answer = server.postText(bookPath + "/checkpoints/" + current.size() + "/cosignatures", line);
            if (!answer.ok()) {
                err.println("cosign: the server refused the cosignature (" + answer.status() + "): " + answer.text());
                return LedgerCli.FAILED;
            }
            Files.writeString(state, note.toString());
            out.println("cosigned " + book + " at size " + current.size() + ", root " + Digests.hex(current.root())
                    + last.map(c -> ", consistent with size " + c.size() + " cosigned before").orElse(", first cosignature"));
            return LedgerCli.OK;
        } catch (LedgerServer.Unreachable e) {
            err.println("cosign: " + e.getMessage());
            return LedgerCli.FAILED;
        } catch (MalformedNote e) {
            err.println("cosign: " + e.getMessage());
            return LedgerCli.FAILED;
        }
    }

    /** True when {@code current} extends {@code last}, proved by the server's consistency proof. */
    private static boolean extendsLast(LedgerServer server, String bookPath, Checkpoint last, Checkpoint current,
            PrintStream err) throws LedgerServer.Unreachable {
        if (current.size() < last.size()) {
            err.println("cosign: SPLIT VIEW: the log now has " + current.size() + " entries, fewer than the "
                    + last.size() + " you cosigned; not cosigning");
            return false;
        }
        if (current.size() == last.size()) {
            if (Arrays.equals(current.root(), last.root())) {
                return true;
            }
            err.println("cosign: SPLIT VIEW: two different roots for " + last.size() + " entries; not cosigning");
            return false;
        }
        LedgerServer.Answer answer = server.get(bookPath + "/proofs/consistency?from=" + last.size() + "&to="
                + current.size(), "application/json");
        if (!answer.ok()) {
            err.println("cosign: no consistency proof from " + last.size() + " to " + current.size() + " ("
                    + answer.status() + "): " + answer.text());
            return false;
        }
        if (!proof(answer.text(), last.size(), current.size()).verify(last.root(), current.root())) {
            err.println("cosign: SPLIT VIEW: the checkpoint of " + current.size() + " entries does not extend the "
                    + last.size() + " you cosigned (the consistency proof fails); not cosigning");
            return false;
        }
        return true;
    }

    private static ConsistencyProof proof(String json, long from, long to) {
        try {
            JsonNode node = CanonicalJson.mapper().readTree(json);
            List<byte[]> hashes = new ArrayList<>();
            node.path("hashes").forEach(h -> hashes.add(Digests.unhex(h.asText())));
            return new ConsistencyProof(from, to, hashes);
        } catch (IOException | IllegalArgumentException | NotCanonicalizable e) {
            throw new MalformedNote("the consistency proof is not readable JSON: " + e.getMessage());
        }
    }

    private static Optional<Checkpoint> saved(Path state, String book, NoteVerifierKey logKey) throws IOException {
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        try {
            return Optional.of(forBook(signedByLog(Files.readString(state), logKey, state.toString()), book,
                    state.toString()));
        } catch (MalformedNote e) {
            throw new UsageError("--state: " + e.getMessage());
        }
    }

    private static SignedNote signedByLog(String text, NoteVerifierKey logKey, String what) {
        SignedNote note = SignedNote.parse(text);
        if (!note.isSignedBy(logKey)) {
            throw new MalformedNote(what + " carries no valid signature by the log key " + logKey.name());
        }
        return note;
    }

    private static Checkpoint forBook(SignedNote note, String book, String what) {
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        if (!checkpoint.origin().equals(Checkpoint.bookOrigin(book))) {
            throw new MalformedNote(what + " is for " + checkpoint.origin() + ", not book " + book);
        }
        return checkpoint;
    }

    private static KeyPair witnessKey(Path file) throws IOException {
        try {
            SigningKey key = SigningKey.fromPem(SignatureSuite.ED25519, Files.readString(file));
            return new KeyPair(key.publicKey(), key.privateKey());
        } catch (IllegalArgumentException e) {
            throw new UsageError("--key: " + file + " is not an Ed25519 private key (PKCS#8 PEM): " + e.getMessage());
        }
    }
}
