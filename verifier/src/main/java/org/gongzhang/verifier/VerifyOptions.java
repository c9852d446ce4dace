package org.gongzhang.verifier;

import java.util.List;
import java.util.Optional;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;

/**
 * What an auditor brings to a verification besides the bundle: the keys they trust and what they
 * remember of the log.
 *
 * @param logKey               the log key the community published; when empty, a bundle's own key is
 *                             trusted on first use
 * @param savedCheckpoint      a checkpoint the auditor saved earlier (e.g. from
 *                             {@code GET /api/books/{book}/checkpoint}); the entries must extend it,
 *                             or the log shows two histories (split view, 分叉视图)
 * @param witnessKeys          witness keys (见证人公钥) the auditor pins; when any is given only these
 *                             count, else the book's own community-auditor and town-officer keys
 * @param requiredCosignatures how many distinct witnesses must have cosigned the checkpoint, ≥ 0
 */
public record VerifyOptions(Optional<NoteVerifierKey> logKey, Optional<SignedNote> savedCheckpoint,
        List<NoteVerifierKey> witnessKeys, int requiredCosignatures) {

    public VerifyOptions {
        if (requiredCosignatures < 0) {
            throw new IllegalArgumentException("required cosignatures must be ≥ 0, not " + requiredCosignatures);
        }
        witnessKeys = List.copyOf(witnessKeys);
    }

    /** No pinned key, nothing saved, no cosignature required. */
    public static VerifyOptions defaults() {
        return new VerifyOptions(Optional.empty(), Optional.empty(), List.of(), 0);
    }

    /** Only the pinned log key. */
    public static VerifyOptions trusting(NoteVerifierKey logKey) {
        return defaults().withLogKey(Optional.of(logKey));
    }

    public VerifyOptions withLogKey(Optional<NoteVerifierKey> key) {
        return new VerifyOptions(key, savedCheckpoint, witnessKeys, requiredCosignatures);
    }

    public VerifyOptions withSavedCheckpoint(SignedNote saved) {
        return new VerifyOptions(logKey, Optional.of(saved), witnessKeys, requiredCosignatures);
    }

    public VerifyOptions withWitnessKeys(List<NoteVerifierKey> keys) {
        return new VerifyOptions(logKey, savedCheckpoint, keys, requiredCosignatures);
    }

    public VerifyOptions requiringCosignatures(int count) {
        return new VerifyOptions(logKey, savedCheckpoint, witnessKeys, count);
    }
}
