package org.gongzhang.service.disclosure;

import java.time.LocalDate;

/**
 * One version of a statement as the log has it: periods, version and what it corrects, the
 * content hash and the checkpoint (tree size, root) it rests on, who drafted and signed it off,
 * its status, posting period and, once corrected and republished, its successor.
 */
public record StatementVersion(String statementId, String book, String from, String to, int version,
        String corrects, String reason, String contentSha256, long treeSize, String root, long draftedIndex,
        String draftedBy, LocalDate draftedAt, String status, Long signedIndex, String signedBy, LocalDate signedAt,
        Long publishedIndex, LocalDate postingFrom, LocalDate postingUntil, String supersededBy) {

    public boolean published() {
        return "PUBLISHED".equals(status);
    }

    /** Published and within its posting period on {@code today}: objections may be raised. */
    public boolean inPostingPeriod(LocalDate today) {
        return published() && !today.isBefore(postingFrom) && !today.isAfter(postingUntil);
    }
}
