package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code statement.signed}: 社区审核 会签. The community auditor repeats the content hash and
 * checkpoint of the draft, so the signature covers exactly what was drafted.
 *
 * @param statementId the statement
 * @param contentHash the drafted content hash
 * @param checkpoint  the drafted checkpoint
 */
public record StatementSigned(String statementId, String contentHash, LogCheckpoint checkpoint) {

    public static StatementSigned from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new StatementSigned(p.id("statementId", RefusalCode.STATEMENT_ID_INVALID), p.string("contentHash"),
                LogCheckpoint.read(p));
    }
}
