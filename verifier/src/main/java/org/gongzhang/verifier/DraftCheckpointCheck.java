package org.gongzhang.verifier;

import java.util.Arrays;
import java.util.List;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.statement.StatementLog;

/**
 * Checks that every statement draft (公示表 起草) rests on exactly the log before it: the checkpoint
 * its entry names has the entry's own index as size, and as root the Merkle root the verifier
 * recomputes over those entries, taken as the walk passed the draft (see {@link LogRoots}).
 */
final class DraftCheckpointCheck {

    static final String CODE = "statement-draft.checkpoint-mismatch";

    private DraftCheckpointCheck() {
    }

    static void check(List<StatementLog.Draft> drafts, LogRoots leaves, List<Finding> findings) {
        for (StatementLog.Draft draft : drafts) {
            if (!draft.readable()) {
                findings.add(new Finding(draft.index(), CODE, "the draft names no checkpoint {size, root} it rests on"));
                continue;
            }
            if (draft.size() != draft.index() || draft.index() > leaves.size()) {
                findings.add(new Finding(draft.index(), CODE, "the draft rests on a checkpoint of " + draft.size()
                        + " entries, not on the " + draft.index() + " entries before it"));
                continue;
            }
            byte[] root = leaves.root(draft.size());
            if (!Arrays.equals(root, unhex(draft.root()))) {
                findings.add(new Finding(draft.index(), CODE, "the draft rests on root " + draft.root() + ", the "
                        + draft.size() + " entries before it hash to " + Digests.hex(root)));
            }
        }
    }

    private static byte[] unhex(String hex) {
        try {
            return Digests.unhex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
