package org.gongzhang.verifier.witness;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.Cosigner;
import org.gongzhang.verifier.checkpoint.LogKeyChain;
import org.gongzhang.verifier.checkpoint.LogKeyRotation;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteSignature;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.merkle.ConsistencyProof;
import org.gongzhang.verifier.merkle.MerkleHash;

/**
 * A witness (见证人) of books' logs, as C2SP tlog-witness defines one: configured with the log keys
 * it trusts and the origins they sign, it cosigns a checkpoint only after checking the log's
 * signature and a consistency proof from the checkpoint it cosigned last, then remembers the new one.
 * A log that shows it a checkpoint not extending that one (a rewritten or forked history, 分叉视图)
 * gets a refusal, and the witness keeps both notes and the proof as evidence.
 *
 * <p>Checks, in the specification's order: known origin (404), a valid signature by a trusted log
 * key (403), old size not above the new size (400), old size equal to the size cosigned last (409,
 * answering that size), an empty tree's root (422), the consistency proof (422). Requests are handled
 * one at a time, so checking and recording are atomic.
 *
 * <p>The log's key changes only through a {@link LogKeyRotation} signed by a key this witness
 * trusts and by the new key ({@link #addRotation}); from then on checkpoints signed only by the
 * old key are refused (403), so a stolen old key gets no cosignature.
 */
public final class Witness {

    private final Cosigner cosigner;
    private final List<NoteVerifierKey> logKeys;
    private LogKeyChain rotations;
    private final String originPrefix;
    private final WitnessState state;
    private final Clock clock;

    /**
     * @param cosigner     this witness's own key, which never leaves it
     * @param logKeys      the log keys it pinned (its operator's choice); the rotations it accepted
     *                     earlier, kept in {@code state}, lead from them to the keys it trusts now
     * @param originPrefix the origins those keys sign, e.g. {@code gongzhang.org/book/}
     * @param state        its memory of what it cosigned
     * @param clock        the time written into cosignatures
     */
    public Witness(Cosigner cosigner, List<NoteVerifierKey> logKeys, String originPrefix, WitnessState state, Clock clock)
            throws IOException {
        this.cosigner = cosigner;
        this.originPrefix = originPrefix;
        this.state = state;
        this.clock = clock;
        this.rotations = state.rotations();
        List<NoteVerifierKey> trusted = new ArrayList<>(logKeys);
        for (LogKeyRotation rotation : rotations.rotations()) {
            trusted.replaceAll(key -> key.equals(rotation.oldKey()) ? rotation.newKey() : key);
        }
        this.logKeys = trusted;
    }

    /** The log keys this witness trusts now: those it pinned, each replaced by the key it was rotated to. */
    public synchronized List<NoteVerifierKey> logKeys() {
        return List.copyOf(logKeys);
    }

    /**
     * Answers one {@code POST /log-key-rotation} body, a {@link LogKeyRotation}: accepted (200) only
     * from a log key this witness trusts now, signed by it and by the new key, which it trusts from
     * then on instead (and remembers); the same rotation again is accepted once more (200). A second
     * rotation away from a key already rotated is refused (409) with the evidence kept: the old key
     * named two successors.
     */
    public synchronized WitnessAnswer addRotation(String body) throws IOException {
        LogKeyRotation rotation;
        try {
            rotation = LogKeyRotation.parse(SignedNote.parse(body));
        } catch (MalformedNote e) {
            return WitnessAnswer.refused(400, "malformed log key rotation: " + e.getMessage());
        }
        Optional<LogKeyRotation> earlier = rotations.rotations().stream()
                .filter(r -> r.oldKey().equals(rotation.oldKey())).findFirst();
        if (earlier.isPresent()) {
            if (earlier.get().newKey().equals(rotation.newKey())) {
                return new WitnessAnswer(200, WitnessAnswer.TEXT, "rotation already accepted\n");
            }
            String reason = "the log key " + rotation.oldKey() + " was rotated to " + earlier.get().newKey()
                    + " and now names another successor, " + rotation.newKey();
            var file = state.keepEvidence(LogKeyRotation.HEADER, clock.instant(), reason,
                    Optional.of(earlier.get().note()), body);
            return WitnessAnswer.refused(409, reason + "; evidence kept as " + file.getFileName());
        }
        if (!logKeys.contains(rotation.oldKey())) {
            return WitnessAnswer.refused(403, "the rotation hands over from " + rotation.oldKey()
                    + ", not from a log key this witness trusts");
        }
        if (!rotation.signedByOldKey() || !rotation.signedByNewKey()) {
            return WitnessAnswer.refused(403, "a log key rotation must carry valid signatures by both the old and the new key");
        }
        rotations = rotations.then(rotation);
        state.recordRotations(rotations);
        logKeys.replaceAll(key -> key.equals(rotation.oldKey()) ? rotation.newKey() : key);
        return new WitnessAnswer(200, WitnessAnswer.TEXT, "rotation accepted: now trusting " + rotation.newKey() + "\n");
    }

    /** The witness's cosigner key, for logs and auditors to pin. */
    public NoteVerifierKey verifierKey() {
        return cosigner.verifierKey();
    }

    /** Answers one {@code POST /add-checkpoint} body. */
    public synchronized WitnessAnswer addCheckpoint(String body) throws IOException {
        AddCheckpointRequest request;
        try {
            request = AddCheckpointRequest.parse(body);
        } catch (MalformedNote e) {
            return WitnessAnswer.refused(400, "malformed add-checkpoint request: " + e.getMessage());
        }
        Checkpoint checkpoint = request.checkpoint();
        if (!checkpoint.origin().startsWith(originPrefix)) {
            return WitnessAnswer.refused(404, "unknown log origin " + checkpoint.origin());
        }
        Optional<WitnessAnswer> unsigned = checkLogSignature(request.note());
        if (unsigned.isPresent()) {
            return unsigned.get();
        }
        Optional<SignedNote> cosigned = state.latest(checkpoint.origin());
        long knownSize = cosigned.map(note -> Checkpoint.parse(note.text()).size()).orElse(0L);
        if (request.oldSize() > checkpoint.size()) {
            return request.oldSize() == knownSize
                    ? refuseWithEvidence(request, body, cosigned, 400, "the log signed a checkpoint of " + checkpoint.size()
                            + " entries after this witness cosigned " + knownSize + ": a rolled-back history")
                    : WitnessAnswer.refused(400, "old size " + request.oldSize() + " is above the checkpoint's size");
        }
        if (request.oldSize() != knownSize) {
            return new WitnessAnswer(409, WitnessAnswer.TLOG_SIZE, knownSize + "\n");
        }
        Optional<String> inconsistency = inconsistency(request, cosigned);
        if (inconsistency.isPresent()) {
            return refuseWithEvidence(request, body, cosigned, 422, inconsistency.get());
        }
        return cosign(request.note(), checkpoint);
    }

    /** The checkpoint last cosigned for the origin whose SHA-256 is {@code originHash} (lowercase hex). */
    synchronized Optional<SignedNote> latestByOriginHash(String originHash) throws IOException {
        return state.latestByOriginHash(originHash);
    }

    private Optional<WitnessAnswer> checkLogSignature(SignedNote note) {
        boolean signed = false;
        for (NoteSignature line : note.signatures()) {
            for (NoteVerifierKey key : logKeys) {
                if (line.claims(key)) {
                    if (!note.verifies(line, key)) {
                        return Optional.of(WitnessAnswer.refused(403, "the signature of log key " + key.name()
                                + " does not verify"));
                    }
                    signed = true;
                }
            }
        }
        return signed ? Optional.empty()
                : Optional.of(WitnessAnswer.refused(403, "no signature by a log key this witness trusts"));
    }

    /** Why the checkpoint does not extend the one cosigned last, or empty when it does. */
    private static Optional<String> inconsistency(AddCheckpointRequest request, Optional<SignedNote> cosigned) {
        Checkpoint checkpoint = request.checkpoint();
        if (checkpoint.size() == 0 && !Arrays.equals(checkpoint.root(), MerkleHash.emptyRoot())) {
            return Optional.of("a checkpoint of size 0 has the empty tree's root");
        }
        if (request.oldSize() == 0) {
            return request.proof().isEmpty() ? Optional.empty()
                    : Optional.of("no consistency proof is needed from size 0, but one was sent");
        }
        byte[] oldRoot = Checkpoint.parse(cosigned.orElseThrow().text()).root();
        if (request.oldSize() == checkpoint.size()) {
            return Arrays.equals(oldRoot, checkpoint.root()) && request.proof().isEmpty() ? Optional.empty()
                    : Optional.of("SPLIT VIEW: two different roots for " + checkpoint.size() + " entries");
        }
        ConsistencyProof proof = new ConsistencyProof(request.oldSize(), checkpoint.size(), request.proof());
        return proof.verify(oldRoot, checkpoint.root()) ? Optional.empty()
                : Optional.of("SPLIT VIEW: the checkpoint of " + checkpoint.size() + " entries does not extend the "
                        + request.oldSize() + " this witness cosigned (the consistency proof fails)");
    }

    private WitnessAnswer refuseWithEvidence(AddCheckpointRequest request, String body, Optional<SignedNote> cosigned,
            int status, String reason) throws IOException {
        var file = state.keepEvidence(request.checkpoint().origin(), clock.instant(), reason, cosigned, body);
        return WitnessAnswer.refused(status, reason + "; evidence kept as " + file.getFileName());
    }

    private WitnessAnswer cosign(SignedNote note, Checkpoint checkpoint) throws IOException {
        Instant now = clock.instant();
        NoteSignature cosignature = cosigner.cosign(note.text(), now);
        SignedNote logSigned = new SignedNote(note.text(), note.signatures().stream()
                .filter(line -> logKeys.stream().anyMatch(line::claims)).toList());
        state.record(checkpoint.origin(), logSigned.with(List.of(cosignature)));
        return new WitnessAnswer(200, WitnessAnswer.TEXT, cosignature.line() + "\n");
    }
}
