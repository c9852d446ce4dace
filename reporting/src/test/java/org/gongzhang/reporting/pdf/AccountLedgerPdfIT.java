package org.gongzhang.reporting.pdf;

import static org.gongzhang.reporting.pdf.PdfAssertions.assertLine;
import static org.gongzhang.reporting.pdf.PdfAssertions.assertSubsetOfOurFont;

import java.util.Locale;
import org.gongzhang.reporting.api.AccountLedgerView;
import org.gongzhang.reporting.api.LedgerLine;
import org.junit.jupiter.api.Test;

/** A printed 三栏明细账 runs from the opening balance through every line to the closing balance. */
class AccountLedgerPdfIT {

    private final ReportPdfs pdfs = new ReportPdfs();
    private final AccountLedgerView view = Fixtures.ledger();

    @Test
    void everyLineWithItsRunningBalanceAndSide() {
        Pdf pdf = new Pdf(pdfs.accountLedger(view, Fixtures.BOOK_NAME, Locale.SIMPLIFIED_CHINESE));

        assertLine(pdf, "三栏明细账");
        assertLine(pdf, "科目：1002 银行存款");
        assertLine(pdf, "账套：" + Fixtures.BOOK_NAME);
        assertLine(pdf, "日期", "凭证字号", "摘要", "借方", "贷方", "借或贷", "余额");
        assertLine(pdf, "期初余额", "借", view.opening().yuan());
        for (LedgerLine line : view.lines()) {
            String amount = line.debit().fen() != 0 ? line.debit().yuan() : line.credit().yuan();
            assertLine(pdf, new ReportText(Locale.SIMPLIFIED_CHINESE).date(line.date()), line.voucherNumber(),
                    line.summary(), amount, "借", line.balance().yuan());
        }
        assertLine(pdf, "本期合计", view.debitTotal().yuan(), view.creditTotal().yuan(), "借", view.closing().yuan());
        assertSubsetOfOurFont(pdf);
    }

    @Test
    void inEnglish() {
        Pdf pdf = new Pdf(pdfs.accountLedger(view, Fixtures.BOOK_NAME, Locale.ENGLISH));

        assertLine(pdf, "Account Ledger");
        assertLine(pdf, "Opening balance", "Dr", view.opening().yuan());
        assertLine(pdf, "5 Jan 2026", "收-1", "收1月停车费（喆）", "12,345.67", "Dr", "63,345.67");
        assertLine(pdf, "Total for the period", view.debitTotal().yuan(), view.creditTotal().yuan());
    }
}
