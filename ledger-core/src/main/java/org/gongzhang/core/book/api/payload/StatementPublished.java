package org.gongzhang.core.book.api.payload;

import java.time.LocalDate;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code statement.published}: 公示 of a signed-off statement for its posting period (公示期),
 * during which owners may object (异议).
 *
 * @param statementId  the statement
 * @param postingFrom  the first day of posting
 * @param postingUntil the last day of posting, inclusive
 */
public record StatementPublished(String statementId, LocalDate postingFrom, LocalDate postingUntil) {

    public static StatementPublished from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new StatementPublished(p.id("statementId", RefusalCode.STATEMENT_ID_INVALID), p.date("postingFrom"),
                p.date("postingUntil"));
    }
}
