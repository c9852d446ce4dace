package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.period.Period;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code statement.drafted}: 公示表 起草 by the preparer. The statement's content is its
 * {@code statement.json}, which the entry cites by hash; it rests on exactly the log before this
 * entry.
 *
 * @param statementId the statement's id (a UUID)
 * @param from        the first period covered
 * @param to          the last period covered
 * @param contentHash SHA-256 (lowercase hex) of the RFC 8785 canonical bytes of {@code statement.json}
 * @param checkpoint  the log the statement rests on
 * @param corrects    the published statement this one corrects (更正), or null
 * @param reason      why it corrects it, or null
 */
public record StatementDrafted(String statementId, Period from, Period to, String contentHash,
        LogCheckpoint checkpoint, String corrects, String reason) {

    public static StatementDrafted from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new StatementDrafted(p.id("statementId", RefusalCode.STATEMENT_ID_INVALID), p.period("from"),
                p.period("to"), p.string("contentHash"), LogCheckpoint.read(p),
                p.has("corrects") ? p.id("corrects", RefusalCode.STATEMENT_ID_INVALID) : null,
                p.optionalString("reason"));
    }
}
