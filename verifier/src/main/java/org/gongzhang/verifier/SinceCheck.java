package org.gongzhang.verifier;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.LogKeyChain;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;

/**
 * Checks that a bundle's entries extend a checkpoint the auditor saved earlier. The log key signs
 * every checkpoint, so two signed checkpoints whose histories disagree are proof that the log
 * showed different people different books (split view, 分叉视图) or rewrote its history.
 */
final class SinceCheck {

    static final String SPLIT_VIEW = "since.split-view";

    private final String book;
    private final List<Finding> findings;

    SinceCheck(String book, List<Finding> findings) {
        this.book = book;
        this.findings = findings;
    }

    /** The saved checkpoint's size when the entries extend it; empty, with a finding, when they do not. */
    OptionalLong check(SignedNote saved, Optional<LogKeyChain.Followed> logKeys, LogRoots leaves) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(saved.text());
        } catch (MalformedNote e) {
            return fail(Finding.WHOLE_LOG, "since.malformed", "the checkpoint saved earlier is not a checkpoint: "
                    + e.getMessage());
        }
        if (logKeys.isPresent() && !logKeys.get().signedAny(saved)) {
            return fail(Finding.WHOLE_LOG, "since.signature-invalid", "the checkpoint saved earlier carries no valid"
                    + " signature by log key " + logKeys.get().current().name()
                    + (logKeys.get().keys().size() > 1 ? " or an earlier key it was rotated from" : "")
                    + ", so it cannot be compared");
        }
        if (!checkpoint.origin().equals(Checkpoint.bookOrigin(book))) {
            return fail(Finding.WHOLE_LOG, "since.origin-mismatch", "the checkpoint saved earlier is for "
                    + checkpoint.origin() + ", not " + Checkpoint.bookOrigin(book));
        }
        return compareWith(checkpoint, leaves);
    }

    private OptionalLong compareWith(Checkpoint saved, LogRoots leaves) {
        long held = leaves.size();
        if (saved.size() > held) {
            return fail(held, SPLIT_VIEW, "the log signed a checkpoint of " + saved.size() + " entries earlier, but"
                    + " this bundle holds only " + held + ": a split view or rewritten history (two histories that"
                    + " disagree), unless the bundle is older than the checkpoint you saved");
        }
        byte[] root = leaves.root(saved.size());
        if (!Arrays.equals(root, saved.root())) {
            return fail(Finding.WHOLE_LOG, SPLIT_VIEW, "split view: the checkpoint saved earlier says the first "
                    + saved.size() + " entries hash to " + Digests.hex(saved.root()) + ", this bundle's first "
                    + saved.size() + " hash to " + Digests.hex(root) + ": the log rewrote its history, two histories"
                    + " disagree");
        }
        return OptionalLong.of(saved.size());
    }

    private OptionalLong fail(long index, String code, String message) {
        findings.add(new Finding(index, code, message));
        return OptionalLong.empty();
    }
}
