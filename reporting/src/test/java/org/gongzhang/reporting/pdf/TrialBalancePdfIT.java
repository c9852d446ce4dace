package org.gongzhang.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.reporting.pdf.PdfAssertions.assertLine;
import static org.gongzhang.reporting.pdf.PdfAssertions.assertSubsetOfOurFont;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongzhang.reporting.api.Sides;
import org.gongzhang.reporting.api.TrialBalanceRow;
import org.gongzhang.reporting.api.TrialBalanceTotals;
import org.gongzhang.reporting.api.TrialBalanceView;
import org.junit.jupiter.api.Test;

/** A printed 科目余额表 shows every account's figures and says whether it balances. */
class TrialBalancePdfIT {

    private final ReportPdfs pdfs = new ReportPdfs();

    @Test
    void everyAccountsNonZeroFiguresStandOnItsLineAndTheTotalsBalance() {
        TrialBalanceView view = Fixtures.trialBalance(true);
        Pdf pdf = new Pdf(pdfs.trialBalance(view, Locale.SIMPLIFIED_CHINESE));

        assertLine(pdf, "科目余额表");
        assertLine(pdf, "2026年1月—2026年3月");
        assertLine(pdf, "账套：堃喆苑小区公共收益账套", "单位：元");
        for (TrialBalanceRow row : view.rows()) {
            List<String> parts = new ArrayList<>(List.of(row.code(), row.name()));
            parts.addAll(nonZero(row.opening(), row.period(), row.yearToDate(), row.closing()));
            assertLine(pdf, parts.toArray(String[]::new));
        }
        TrialBalanceTotals totals = view.totals();
        List<String> total = new ArrayList<>(List.of("合计"));
        for (Sides sides : List.of(totals.opening(), totals.period(), totals.yearToDate(), totals.closing())) {
            total.add(sides.debit().yuan());
            total.add(sides.credit().yuan());
        }
        assertLine(pdf, total.toArray(String[]::new));
        assertLine(pdf, "试算平衡：");
        assertThat(pdf.text()).doesNotContain("不平衡");
        assertLine(pdf, "510103", "改造工程支出（停用）");
        assertSubsetOfOurFont(pdf);
    }

    @Test
    void anUnbalancedTrialBalanceSaysSo() {
        Pdf pdf = new Pdf(pdfs.trialBalance(Fixtures.trialBalance(false), Locale.SIMPLIFIED_CHINESE));

        assertLine(pdf, "试算不平衡");
        assertThat(pdf.text()).doesNotContain("试算平衡");
    }

    @Test
    void inEnglish() {
        Pdf balanced = new Pdf(pdfs.trialBalance(Fixtures.trialBalance(true), Locale.ENGLISH));
        Pdf unbalanced = new Pdf(pdfs.trialBalance(Fixtures.trialBalance(false), Locale.ENGLISH));

        assertLine(balanced, "Trial Balance");
        assertLine(balanced, "Opening balance", "This period", "Year to date", "Closing balance");
        assertLine(balanced, "Balanced: debits equal credits");
        assertLine(unbalanced, "NOT BALANCED");
        assertThat(balanced.text()).doesNotContain("科目余额表");
    }

    private static List<String> nonZero(Sides... columns) {
        List<String> amounts = new ArrayList<>();
        for (Sides sides : columns) {
            if (sides.debit().fen() != 0) {
                amounts.add(sides.debit().yuan());
            }
            if (sides.credit().fen() != 0) {
                amounts.add(sides.credit().yuan());
            }
        }
        return amounts;
    }
}
