package org.gongzhang.reporting.pdf;

import org.gongzhang.reporting.api.AccountLedgerView;
import org.gongzhang.reporting.api.LedgerLine;

/**
 * Fills {@code account-ledger.jrxml}: the 三栏明细账 of one account, 期初余额, each posted line with
 * the running balance and its side (借 / 贷 / 平), and 本期合计 with 期末余额.
 */
final class AccountLedgerPrint {

    private AccountLedgerPrint() {
    }

    static Filling of(AccountLedgerView view, String bookName, ReportText text) {
        Filling filling = new Filling()
                .parameter("account", text.label("ledger.account", view.account(), view.accountName()))
                .parameter("periods", text.periods(view.from(), view.to()))
                .parameter("book", text.labelOrDash("report.book", bookName));
        filling.row("BALANCE", "summary", text.label("ledger.opening"), "side", text.side(view.openingSide()),
                "balance", view.opening().yuan());
        for (LedgerLine line : view.lines()) {
            filling.row("LINE", "date", text.date(line.date()), "voucher", line.voucherNumber(),
                    "summary", line.summary(), "debit", ReportText.blankIfZero(line.debit()),
                    "credit", ReportText.blankIfZero(line.credit()), "side", text.side(line.side()),
                    "balance", line.balance().yuan());
        }
        filling.row("TOTAL", "summary", text.label("ledger.total"), "debit", view.debitTotal().yuan(),
                "credit", view.creditTotal().yuan(), "side", text.side(view.closingSide()),
                "balance", view.closing().yuan());
        return filling;
    }
}
