package org.gongzhang.service.log;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteSignature;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.entry.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Witness cosignatures (见证签名) on signed checkpoints, kept in the stored note next to the log's
 * own signature and served with it.
 *
 * <p>Most come from the independent witnesses the service pushes each checkpoint to
 * ({@code org.gongzhang.service.witness}), which check consistency themselves and whose lines are
 * checked before {@link #add}. The older path remains for a book's own witnesses, posted with
 * {@code ./ledger cosign}: a key the book's log registered for the community auditor (社区审核员) or
 * the town's officer (街道/镇), Ed25519, not revoked, named after the key's actor — and never a key
 * the service itself keeps (custodial), since a cosignature the operator can make proves nothing.
 */
@Component
public class Cosignatures {

    static final Set<Role> WITNESS_ROLES = EnumSet.of(Role.COMMUNITY_AUDITOR, Role.TOWN_OFFICER);

    private final JdbcTemplate jdbc;
    private final ProofService proofs;

    Cosignatures(JdbcTemplate jdbc, ProofService proofs) {
        this.jdbc = jdbc;
        this.proofs = proofs;
    }

    /**
     * The book's own witnesses as note verifier keys: current auditor and town keys the service does
     * not hold, each as an ordinary note key ({@code ledger cosign}) and as a tlog-cosignature v1
     * cosigner key (the workspace's 见证签名 page, signed in the browser).
     */
    List<NoteVerifierKey> bookWitnesses(String book) {
        Set<String> custodial = Set.copyOf(jdbc.queryForList("select key_id from custodial_key", String.class));
        return proofs.registry(book).all().stream().filter(Cosignatures::isWitness)
                .filter(key -> !custodial.contains(key.keyId()))
                .flatMap(k -> {
                    var publicKey = SignatureSuite.ED25519.publicKey(k.publicKeyDer());
                    return Stream.of(NoteVerifierKey.of(k.actor(), publicKey), NoteVerifierKey.cosigner(k.actor(), publicKey));
                })
                .toList();
    }

    private static boolean isWitness(RegisteredKey key) {
        return !key.revoked() && key.suite() == SignatureSuite.ED25519 && WITNESS_ROLES.contains(key.role());
    }

    /**
     * Adds cosignature lines the caller has verified to the checkpoint of {@code size} entries; a
     * witness's earlier line is replaced. Answers the note as now stored.
     */
    @Transactional
    public SignedNote add(String book, long size, List<NoteSignature> verified) {
        List<String> notes = jdbc.queryForList(
                "select note from checkpoint where book_id = ? and tree_size = ? for update", String.class, book, size);
        if (notes.isEmpty()) {
            throw new LedgerRefusal(Kind.NOT_FOUND, "proof.checkpoint.not-found", "size", String.valueOf(size));
        }
        SignedNote note = SignedNote.parse(notes.get(0)).with(verified);
        jdbc.update("update checkpoint set note = ? where book_id = ? and tree_size = ?", note.toString(), book, size);
        return note;
    }

    /**
     * Adds the cosignature lines in {@code body} to the checkpoint of {@code size} entries and
     * returns the note as now stored. A witness that cosigns again replaces its earlier line.
     * Refuses, changing nothing, a malformed line, a line by no current witness and a signature
     * that does not verify.
     */
    @Transactional
    Checkpoints.Stored cosign(String book, long size, String body) {
        List<NoteVerifierKey> witnesses = bookWitnesses(book);
        SignedNote stored = proofs.checkpoint(book, size).signedNote();
        List<NoteSignature> added = parse(body);
        for (NoteSignature cosignature : added) {
            NoteVerifierKey witness = witnessOf(cosignature, witnesses).orElseThrow(() -> new LedgerRefusal(
                    Kind.INVALID, "cosignature.unknown-witness", "signature", cosignature.name()));
            if (!new SignedNote(stored.text(), List.of(cosignature)).isSignedBy(witness)) {
                throw new LedgerRefusal(Kind.INVALID, "cosignature.invalid", "signature", cosignature.name());
            }
        }
        add(book, size, added);
        return proofs.checkpoint(book, size);
    }

    private static List<NoteSignature> parse(String body) {
        List<NoteSignature> lines = new ArrayList<>();
        for (String line : (body == null ? "" : body).strip().split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(NoteSignature.parse(line.strip()));
            } catch (MalformedNote e) {
                throw new LedgerRefusal(Kind.INVALID, "cosignature.malformed", "signature");
            }
        }
        if (lines.isEmpty()) {
            throw new LedgerRefusal(Kind.INVALID, "cosignature.malformed", "signature");
        }
        return lines;
    }

    private static Optional<NoteVerifierKey> witnessOf(NoteSignature line, List<NoteVerifierKey> witnesses) {
        return witnesses.stream().filter(line::claims).findFirst();
    }
}
