package org.gongzhang.service.log;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * Witness cosignatures (见证签名) on signed checkpoints. A witness is a key the book's log
 * registered for the community auditor (社区审核员) or the town's officer (街道/镇), Ed25519, not
 * revoked; its note key is named after the key's actor. The witness checks a consistency proof from
 * the last checkpoint it cosigned before it signs (see {@code ./ledger cosign}); the service only
 * checks that each cosignature is a valid signature of a current witness over the checkpoint text,
 * and adds it to the stored note next to the log's own signature.
 */
@Component
class Cosignatures {

    static final Set<Role> WITNESS_ROLES = EnumSet.of(Role.COMMUNITY_AUDITOR, Role.TOWN_OFFICER);

    private final JdbcTemplate jdbc;
    private final ProofService proofs;

    Cosignatures(JdbcTemplate jdbc, ProofService proofs) {
        this.jdbc = jdbc;
        this.proofs = proofs;
    }

    /** The current witnesses of a book as note verifier keys. */
    List<NoteVerifierKey> witnesses(String book) {
        return proofs.registry(book).all().stream().filter(Cosignatures::isWitness)
                .map(k -> NoteVerifierKey.of(k.actor(), SignatureSuite.ED25519.publicKey(k.publicKeyDer())))
                .toList();
    }

    private static boolean isWitness(RegisteredKey key) {
        return !key.revoked() && key.suite() == SignatureSuite.ED25519 && WITNESS_ROLES.contains(key.role());
    }

    /**
     * Adds the cosignature lines in {@code body} to the checkpoint of {@code size} entries and
     * returns the note as now stored. A witness that cosigns again replaces its earlier line.
     * Refuses, changing nothing, a malformed line, a line by no current witness and a signature
     * that does not verify.
     */
    @Transactional
    Checkpoints.Stored cosign(String book, long size, String body) {
        List<NoteVerifierKey> witnesses = witnesses(book);
        List<String> notes = jdbc.queryForList(
                "select note from checkpoint where book_id = ? and tree_size = ? for update", String.class, book, size);
        if (notes.isEmpty()) {
            throw new LedgerRefusal(Kind.NOT_FOUND, "proof.checkpoint.not-found", "size", String.valueOf(size));
        }
        SignedNote stored = SignedNote.parse(notes.get(0));
        List<NoteSignature> signatures = new ArrayList<>(stored.signatures());
        List<NoteSignature> added = parse(body);
        for (NoteSignature cosignature : added) {
            NoteVerifierKey witness = witnessOf(cosignature, witnesses).orElseThrow(() -> new LedgerRefusal(
                    Kind.INVALID, "cosignature.unknown-witness", "signature", cosignature.name()));
            if (!new SignedNote(stored.text(), List.of(cosignature)).isSignedBy(witness)) {
                throw new LedgerRefusal(Kind.INVALID, "cosignature.invalid", "signature", cosignature.name());
            }
            signatures.removeIf(s -> s.claims(witness));
            signatures.add(cosignature);
        }
        String note = new SignedNote(stored.text(), signatures).toString();
        jdbc.update("update checkpoint set note = ? where book_id = ? and tree_size = ?", note, book, size);
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
