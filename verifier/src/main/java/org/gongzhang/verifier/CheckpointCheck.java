package org.gongzhang.verifier;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;

/**
 * Checks the signed checkpoint (检查点) against the entries: signed by the log key, for this book,
 * covering exactly the entries held, with the Merkle root they hash to.
 */
final class CheckpointCheck {

    private final String book;
    private final List<Finding> findings;

    CheckpointCheck(String book, List<Finding> findings) {
        this.book = book;
        this.findings = findings;
    }

    void check(Optional<String> noteText, Optional<NoteVerifierKey> logKey, LogRoots leaves) {
        if (noteText.isEmpty()) {
            if (leaves.size() != 0) {
                report(Finding.WHOLE_LOG, "checkpoint.missing", "the bundle holds entries but no signed checkpoint");
            }
            return;
        }
        try {
            SignedNote note = SignedNote.parse(noteText.get());
            logKey.filter(key -> !note.isSignedBy(key)).ifPresent(key -> report(Finding.WHOLE_LOG,
                    "checkpoint.signature-invalid", "the checkpoint carries no valid signature by log key " + key.name()));
            checkContent(Checkpoint.parse(note.text()), leaves);
        } catch (MalformedNote e) {
            report(Finding.WHOLE_LOG, "checkpoint.malformed", e.getMessage());
        }
    }

    private void checkContent(Checkpoint checkpoint, LogRoots leaves) {
        if (!checkpoint.origin().equals(Checkpoint.bookOrigin(book))) {
            report(Finding.WHOLE_LOG, "checkpoint.origin-mismatch", "the checkpoint is for " + checkpoint.origin()
                    + ", not " + Checkpoint.bookOrigin(book));
        }
        long held = leaves.size();
        if (checkpoint.size() != held) {
            report(Math.min(checkpoint.size(), held), "checkpoint.size-mismatch",
                    "checkpoint covers " + checkpoint.size() + " entries, bundle holds " + held);
        }
        if (checkpoint.size() <= held) {
            byte[] root = leaves.root(checkpoint.size());
            if (!Arrays.equals(root, checkpoint.root())) {
                report(Finding.WHOLE_LOG, "checkpoint.root-mismatch", "the checkpoint's root "
                        + Digests.hex(checkpoint.root()) + " is not the root of the entries it covers, " + Digests.hex(root));
            }
        }
    }

    private void report(long index, String code, String message) {
        findings.add(new Finding(index, code, message));
    }
}
