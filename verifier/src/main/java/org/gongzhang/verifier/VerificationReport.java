package org.gongzhang.verifier;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gongzhang.verifier.statement.StatementVersion;

/**
 * The outcome of verifying a book's log.
 *
 * @param book              the book (账套) id
 * @param entries           number of entries examined
 * @param root              Merkle tree hash the verifier computed over them, hex
 * @param logKey            the log key checkpoints were checked against
 * @param trustOnFirstUse   true when that key came from the bundle itself rather than from the auditor
 * @param findings          everything found wrong, in the order found; empty when the log checks
 * @param witnesses         the witnesses (见证人) whose cosignature on the checkpoint verified, by key name
 * @param unknownSignatures signature lines on the checkpoint by keys neither the log's nor a known
 *                          witness's; ignored, as C2SP requires
 * @param consistentSince   the size of the checkpoint the auditor saved earlier, when the entries were
 *                          shown to extend it; empty when none was given or it did not match
 * @param statement         the published statement (公示表) the bundle carries, as the log tells it: which
 *                          statement and version its {@code statement.json} is, whether and by whom it was
 *                          signed off and for which posting period it was published. Empty unless the
 *                          statement rests on a checkpoint before the bundle's and a draft cites it.
 * @param rotatedFrom       the earlier log keys, oldest (the pinned one) first, from which the bundle's
 *                          log key rotations led to {@code logKey}; empty when the key was never rotated
 */
public record VerificationReport(String book, long entries, String root, String logKey, boolean trustOnFirstUse,
        List<Finding> findings, List<String> witnesses, int unknownSignatures, OptionalLong consistentSince,
        Optional<StatementVersion> statement, List<String> rotatedFrom) {

    public VerificationReport {
        findings = List.copyOf(findings);
        witnesses = List.copyOf(witnesses);
        rotatedFrom = List.copyOf(rotatedFrom);
    }

    /** A report without cosignatures or saved checkpoint. */
    public VerificationReport(String book, long entries, String root, String logKey, boolean trustOnFirstUse,
            List<Finding> findings) {
        this(book, entries, root, logKey, trustOnFirstUse, findings, List.of(), 0, OptionalLong.empty(),
                Optional.empty(), List.of());
    }

    /** True when nothing was found wrong. */
    public boolean ok() {
        return findings.isEmpty();
    }

    /** The findings about entry {@code index}. */
    public List<Finding> at(long index) {
        return findings.stream().filter(f -> f.index() == index).toList();
    }
}
