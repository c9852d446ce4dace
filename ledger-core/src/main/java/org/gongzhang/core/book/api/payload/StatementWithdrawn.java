package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code statement.withdrawn}: 撤回 of a draft before its sign-off; it stays in the log.
 *
 * @param statementId the statement
 * @param reason      why
 */
public record StatementWithdrawn(String statementId, String reason) {

    public static StatementWithdrawn from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new StatementWithdrawn(p.id("statementId", RefusalCode.STATEMENT_ID_INVALID), p.string("reason"));
    }
}
