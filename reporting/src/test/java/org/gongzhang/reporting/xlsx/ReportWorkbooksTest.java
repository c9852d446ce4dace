package org.gongzhang.reporting.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.AccountLedgerView;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.api.BalanceSide;
import org.gongzhang.reporting.api.LedgerLine;
import org.gongzhang.reporting.api.Sides;
import org.gongzhang.reporting.api.TrialBalanceRow;
import org.gongzhang.reporting.api.TrialBalanceTotals;
import org.gongzhang.reporting.api.TrialBalanceView;
import org.gongzhang.reporting.ledger.LedgerRows;
import org.junit.jupiter.api.Test;

/** The 科目余额表 and 三栏明细账 workbooks read back as a spreadsheet reads them. */
class ReportWorkbooksTest {

    @Test
    void aTrialBalanceHasOneRowPerAccountWithAmountsInYuanAsNumbers() throws IOException {
        TrialBalanceRow bank = new TrialBalanceRow("100201", "业主大会账户（公共收益户）", 2, true, true, "DEBIT",
                Sides.of(100_000, 0), Sides.of(1_234_567, 2_350_00), Sides.of(1_234_567, 2_350_00), Sides.of(999_567, 0));
        TrialBalanceRow parking = new TrialBalanceRow("470101", "停车场地使用费", 2, true, false, "CREDIT",
                Sides.NONE, Sides.of(0, 1_234_567), Sides.of(0, 1_234_567), Sides.of(0, 1_234_567));
        TrialBalanceView view = new TrialBalanceView("lanyuan-public", "兰园小区公共收益账套", "2026-03", "2026-03", 41,
                List.of(bank, parking), new TrialBalanceTotals(Sides.of(100_000, 100_000), Sides.of(1, 1),
                Sides.of(2, 2), Sides.of(3, 3)), true);

        Sheet sheet = read(ReportWorkbooks.trialBalance(view, Locale.SIMPLIFIED_CHINESE));

        assertThat(sheet.getSheetName()).isEqualTo("科目余额表");
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("科目余额表");
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("账套：兰园小区公共收益账套  2026年3月");
        assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("单位：元");
        assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("本期发生额");
        assertThat(sheet.getRow(4).getCell(4).getStringCellValue()).isEqualTo("借方");
        Row first = sheet.getRow(5);
        assertThat(first.getCell(0).getStringCellValue()).isEqualTo("100201");
        assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(12345.67);
        assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(2350.00);
        assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        assertThat(sheet.getRow(6).getCell(1).getStringCellValue()).isEqualTo("停车场地使用费（停用）");
        assertThat(sheet.getRow(7).getCell(1).getStringCellValue()).isEqualTo("合计");
        assertThat(sheet.getRow(7).getCell(2).getNumericCellValue()).isEqualTo(1000.00);
    }

    @Test
    void aLedgerHasItsLinesWithMonthAndYearTotalsInEnglishWhenAsked() throws IOException {
        LedgerLine fee = new LedgerLine(LocalDate.parse("2026-03-05"), "v1", "收-1", "收3月停车费", "100201",
                Amount.of(1_500_00), Amount.ZERO, BalanceSide.DEBIT, Amount.of(2_500_00));
        AccountLedgerView ledger = new AccountLedgerView("lanyuan-public", "100201", "业主大会账户（公共收益户）", "DEBIT",
                "2026-03", "2026-03", 41, BalanceSide.DEBIT, Amount.of(1_000_00), List.of(fee), Amount.of(1_500_00),
                Amount.ZERO, BalanceSide.DEBIT, Amount.of(2_500_00));
        List<LedgerRows.Row> rows = LedgerRows.of(ledger, Period.parse("2026-03"), Period.parse("2026-03"));

        Sheet sheet = read(ReportWorkbooks.accountLedger(ledger, rows, "兰园小区公共收益账套", "2026-03", "2026-03",
                Locale.ENGLISH));

        assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Description");
        assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Opening balance");
        assertThat(sheet.getRow(4).getCell(6).getNumericCellValue()).isEqualTo(1000.00);
        Row line = sheet.getRow(5);
        assertThat(line.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse("2026-03-05"));
        assertThat(line.getCell(1).getStringCellValue()).isEqualTo("收-1");
        assertThat(line.getCell(3).getNumericCellValue()).isEqualTo(1500.00);
        assertThat(line.getCell(6).getNumericCellValue()).isEqualTo(2500.00);
        assertThat(sheet.getRow(6).getCell(2).getStringCellValue()).isEqualTo("Month total");
        assertThat(sheet.getRow(7).getCell(2).getStringCellValue()).isEqualTo("Year to date");
        assertThat(sheet.getRow(7).getCell(3).getNumericCellValue()).isEqualTo(1500.00);
    }

    private static Sheet read(byte[] xlsx) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return book.getSheetAt(0);
        }
    }
}
