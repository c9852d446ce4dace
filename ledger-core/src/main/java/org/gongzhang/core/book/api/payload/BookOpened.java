package org.gongzhang.core.book.api.payload;

import java.util.List;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.period.Period;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code book.opened}: a compound's book (账套) for one fund, with its whole chart and first keys.
 *
 * @param compound    小区
 * @param community   社区
 * @param street      街道
 * @param fund        the fund this book keeps
 * @param name        the book's name, e.g. 兰园小区公共收益账套
 * @param startPeriod the first accounting period (启用期间)
 * @param accounts    the chart as written
 * @param keys        the first keys
 */
public record BookOpened(Party compound, Party community, Party street, Fund fund, String name,
        Period startPeriod, List<AccountDefinition> accounts, List<KeyGrant> keys) {

    public static BookOpened from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new BookOpened(Party.read(p, "compound"), Party.read(p, "community"), Party.read(p, "street"),
                p.enumValue("fund", Fund.class, RefusalCode.BOOK_FUND_UNKNOWN), p.string("name"),
                p.period("startPeriod"), p.array("accounts").stream().map(AccountDefinition::read).toList(),
                p.array("keys").stream().map(KeyGrant::read).toList());
    }

    /** The chart of accounts; valid once the book's rules accepted the entry. */
    public ChartOfAccounts chart() {
        return ChartOfAccounts.of(accounts.stream().map(AccountDefinition::toAccount).toList());
    }
}
