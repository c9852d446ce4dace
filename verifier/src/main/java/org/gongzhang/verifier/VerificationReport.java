package org.gongzhang.verifier;

import java.util.List;

/**
 * The outcome of verifying a book's log.
 *
 * @param book            the book (账套) id
 * @param entries         number of entries examined
 * @param root            Merkle tree hash the verifier computed over them, hex
 * @param logKey          the log key checkpoints were checked against
 * @param trustOnFirstUse true when that key came from the bundle itself rather than from the auditor
 * @param findings        everything found wrong, in the order found; empty when the log checks
 */
public record VerificationReport(
        String book, long entries, String root, String logKey, boolean trustOnFirstUse, List<Finding> findings) {

    public VerificationReport {
        findings = List.copyOf(findings);
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
