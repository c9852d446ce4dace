package org.gongzhang.verifier;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.Set;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteSignature;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.entry.Role;

/**
 * Checks the witnesses' cosignatures (见证签名) on a checkpoint: signature lines next to the log's.
 *
 * <p>When the auditor pins witness keys, only those count: independent witnesses (the 社区 office,
 * the 街道) that run {@code ./ledger witness} with keys the operator never holds, cosigning per C2SP
 * tlog-cosignature v1 (key type 0x04). Without pinned keys the book's own Ed25519 keys of the
 * community auditor (社区审核员) and town officer (街道/镇经办人) count, registered and not revoked
 * within the checkpoint, named by their actor, as ordinary signed-note signatures; such a key may be
 * one the service keeps (custodial), so pin the witnesses you rely on. A line that names a known
 * witness key (name and key hash) but does not verify is a forgery. A line naming no known key is
 * ignored, as C2SP requires, so keys can rotate. The log's own signature is never a cosignature.
 */
final class CosignatureCheck {

    /** The roles whose registered keys witness a book's checkpoints. */
    static final Set<Role> WITNESS_ROLES = Set.of(Role.COMMUNITY_AUDITOR, Role.TOWN_OFFICER);

    /**
     * What the cosignatures showed.
     *
     * @param witnesses         names of the witnesses whose cosignature verified, in the note's order
     * @param unknownSignatures signature lines by keys neither the log's nor a known witness's
     */
    record Outcome(List<String> witnesses, int unknownSignatures) {
        static final Outcome NONE = new Outcome(List.of(), 0);
    }

    private final List<Finding> findings;

    CosignatureCheck(List<Finding> findings) {
        this.findings = findings;
    }

    Outcome check(Optional<String> noteText, Optional<NoteVerifierKey> logKey, List<NoteVerifierKey> pinned,
            Collection<RegisteredKey> registered, int required) {
        Outcome outcome = noteText.flatMap(CosignatureCheck::parse)
                .map(note -> check(note, logKey, witnessKeys(note, pinned, registered, logKey)))
                .orElse(Outcome.NONE);
        if (outcome.witnesses().size() < required) {
            findings.add(new Finding(Finding.WHOLE_LOG, "cosignature.missing", "the checkpoint carries "
                    + outcome.witnesses().size() + " of the " + required + " required cosignatures"
                    + (outcome.witnesses().isEmpty() ? "" : "; signed by " + String.join(", ", outcome.witnesses()))));
        }
        return outcome;
    }

    private Outcome check(SignedNote note, Optional<NoteVerifierKey> logKey, List<NoteVerifierKey> witnesses) {
        Set<String> verified = new LinkedHashSet<>();
        int unknown = 0;
        for (NoteSignature line : note.signatures()) {
            if (logKey.isPresent() && line.claims(logKey.get())) {
                continue;
            }
            List<NoteVerifierKey> claimed = witnesses.stream().filter(line::claims).toList();
            if (claimed.isEmpty()) {
                unknown++;
            } else if (claimed.stream().anyMatch(key -> note.verifies(line, key))) {
                verified.add(line.name());
            } else {
                findings.add(new Finding(Finding.WHOLE_LOG, "cosignature.invalid", "the cosignature of witness "
                        + line.name() + " does not verify under its key: forged, or made for another checkpoint"));
            }
        }
        return new Outcome(List.copyOf(verified), unknown);
    }

    /** The pinned keys, else the book's witness keys valid at the checkpoint's size; never the log key. */
    private static List<NoteVerifierKey> witnessKeys(SignedNote note, List<NoteVerifierKey> pinned,
            Collection<RegisteredKey> registered, Optional<NoteVerifierKey> logKey) {
        Map<String, NoteVerifierKey> keys = new LinkedHashMap<>();
        pinned.forEach(key -> keys.put(key.toString(), key));
        long size = checkpointSize(note);
        registered.stream().filter(key -> pinned.isEmpty()).filter(key -> witnesses(key, size)).flatMap(CosignatureCheck::noteKeys)
                .forEach(key -> keys.putIfAbsent(key.toString(), key));
        logKey.ifPresent(key -> keys.remove(key.toString()));
        return new ArrayList<>(keys.values());
    }

    private static boolean witnesses(RegisteredKey key, long checkpointSize) {
        return WITNESS_ROLES.contains(key.role()) && key.suite() == SignatureSuite.ED25519
                && key.registeredAt() < checkpointSize && (!key.revoked() || key.revokedAt() >= checkpointSize);
    }

    /**
     * The registered key as note keys named by its actor: an ordinary note key (type 0x01, as
     * {@code ledger cosign} signs) and a tlog-cosignature v1 cosigner key (type 0x04, as the
     * workspace's 见证签名 page signs in the browser); none when the actor is not a valid key name.
     */
    private static Stream<NoteVerifierKey> noteKeys(RegisteredKey key) {
        try {
            PublicKey publicKey = key.suite().publicKey(key.publicKeyDer());
            return Stream.of(NoteVerifierKey.of(key.actor(), publicKey), NoteVerifierKey.cosigner(key.actor(), publicKey));
        } catch (MalformedNote | IllegalArgumentException e) {
            return Stream.empty();
        }
    }

    private static long checkpointSize(SignedNote note) {
        try {
            return Checkpoint.parse(note.text()).size();
        } catch (MalformedNote e) {
            return 0;
        }
    }

    private static Optional<SignedNote> parse(String text) {
        try {
            return Optional.of(SignedNote.parse(text));
        } catch (MalformedNote e) {
            return Optional.empty();
        }
    }
}
