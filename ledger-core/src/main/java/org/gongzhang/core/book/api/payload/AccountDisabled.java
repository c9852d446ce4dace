package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.account.AccountCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code account.disabled}: an account 停用; it stays in the chart and in past vouchers.
 *
 * @param code   the account
 * @param reason why
 */
public record AccountDisabled(AccountCode code, String reason) {

    public static AccountDisabled from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new AccountDisabled(p.accountCode("code"), p.string("reason"));
    }
}
