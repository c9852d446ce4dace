package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.account.AccountCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code account.added}: a new 明细科目 under a parent; its direction follows the parent.
 *
 * @param code   the new code, the parent's plus two digits
 * @param name   科目名称
 * @param parent the parent's code
 */
public record AccountAdded(AccountCode code, String name, AccountCode parent) {

    public static AccountAdded from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new AccountAdded(p.accountCode("code"), p.string("name"), p.accountCode("parent"));
    }
}
