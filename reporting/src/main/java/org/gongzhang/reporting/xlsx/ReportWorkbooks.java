package org.gongzhang.reporting.xlsx;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongzhang.reporting.api.AccountLedgerView;
import org.gongzhang.reporting.api.Sides;
import org.gongzhang.reporting.api.TrialBalanceRow;
import org.gongzhang.reporting.api.TrialBalanceView;
import org.gongzhang.reporting.format.XlsxCells;
import org.gongzhang.reporting.ledger.LedgerRows;

/**
 * The 科目余额表 and the 三栏明细账 as one-sheet xlsx workbooks, in the words of the printed reports
 * ({@code i18n/reports}) and with the cells of the voucher export ({@link XlsxCells}): three lines
 * naming the report, the book and its periods, and 单位：元; then the column headings and one row per
 * account or ledger line, amounts as numbers in 元 with two decimals.
 */
public final class ReportWorkbooks {

    /** The first row of figures: after the three title lines and the headings. */
    private static final int TITLE_ROWS = 3;

    private ReportWorkbooks() {
    }

    /** 科目余额表: 科目代码, 科目名称, then 借方 and 贷方 of 期初余额, 本期发生额, 本年累计发生额, 期末余额; 合计 last. */
    public static byte[] trialBalance(TrialBalanceView view, Locale locale) {
        Words words = new Words(locale);
        XSSFWorkbook book = new XSSFWorkbook();
        XlsxCells cells = new XlsxCells(book);
        Sheet sheet = book.createSheet(words.label("trialBalance.sheet"));
        titles(sheet, cells, words, words.label("trialBalance.title"), view.bookName(), view.from(), view.to());
        Row groups = sheet.createRow(TITLE_ROWS);
        Row sides = sheet.createRow(TITLE_ROWS + 1);
        cells.header(groups, 0, words.label("trialBalance.code"));
        cells.header(groups, 1, words.label("trialBalance.name"));
        String[] groupKeys = {"trialBalance.opening", "trialBalance.period", "trialBalance.yearToDate", "trialBalance.closing"};
        for (int g = 0; g < groupKeys.length; g++) {
            int first = 2 + 2 * g;
            cells.header(groups, first, words.label(groupKeys[g]));
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROWS, TITLE_ROWS, first, first + 1));
            cells.header(sides, first, words.label("trialBalance.debit"));
            cells.header(sides, first + 1, words.label("trialBalance.credit"));
        }
        int at = TITLE_ROWS + 2;
        for (TrialBalanceRow account : view.rows()) {
            Row row = sheet.createRow(at++);
            cells.text(row, 0, account.code());
            cells.text(row, 1, account.enabled() ? account.name() : account.name() + words.label("trialBalance.disabled"));
            figures(row, cells, account.opening(), account.period(), account.yearToDate(), account.closing());
        }
        Row total = sheet.createRow(at);
        cells.header(total, 1, words.label("trialBalance.total"));
        figures(total, cells, view.totals().opening(), view.totals().period(), view.totals().yearToDate(),
                view.totals().closing());
        widths(sheet, 12, 30, 14, 14, 14, 14, 14, 14, 14, 14);
        sheet.createFreezePane(2, TITLE_ROWS + 2);
        return XlsxCells.bytes(book);
    }

    /**
     * 三栏明细账 of one account: 日期, 凭证字号, 摘要, 借方, 贷方, 借或贷, 余额, with 期初余额 first and
     * 本月合计 and 本年累计 after each month, as the workspace page shows it ({@link LedgerRows}).
     */
    public static byte[] accountLedger(AccountLedgerView ledger, List<LedgerRows.Row> rows, String bookName,
            String from, String to, Locale locale) {
        Words words = new Words(locale);
        XSSFWorkbook book = new XSSFWorkbook();
        XlsxCells cells = new XlsxCells(book);
        Sheet sheet = book.createSheet(words.label("ledger.sheet"));
        titles(sheet, cells, words, words.label("ledger.title") + "  "
                + words.label("ledger.account", ledger.account(), ledger.accountName()), bookName, from, to);
        Row header = sheet.createRow(TITLE_ROWS);
        String[] keys = {"ledger.date", "ledger.voucher", "ledger.summary", "ledger.debit", "ledger.credit",
            "ledger.side", "ledger.balance"};
        for (int c = 0; c < keys.length; c++) {
            cells.header(header, c, words.label(keys[c]));
        }
        int at = TITLE_ROWS + 1;
        for (LedgerRows.Row line : rows) {
            Row row = sheet.createRow(at++);
            if (line.kind() == LedgerRows.Kind.LINE) {
                cells.date(row, 0, LocalDate.parse(line.date()));
                cells.text(row, 1, line.voucherNumber());
                cells.text(row, 2, line.summary());
            } else {
                cells.text(row, 0, words.period(line.date()));
                cells.text(row, 2, words.label(switch (line.kind()) {
                    case OPENING -> "ledger.opening";
                    case MONTH -> "ledger.monthTotal";
                    default -> "ledger.yearTotal";
                }));
            }
            if (line.debit() != null) {
                cells.fen(row, 3, line.debit().fen());
            }
            if (line.credit() != null) {
                cells.fen(row, 4, line.credit().fen());
            }
            cells.text(row, 5, words.label("side." + line.side().name()));
            cells.fen(row, 6, line.balance().fen());
        }
        widths(sheet, 12, 10, 40, 14, 14, 8, 14);
        sheet.createFreezePane(0, TITLE_ROWS + 1);
        return XlsxCells.bytes(book);
    }

    private static void titles(Sheet sheet, XlsxCells cells, Words words, String title, String bookName, String from,
            String to) {
        cells.header(sheet.createRow(0), 0, title);
        cells.text(sheet.createRow(1), 0, words.label("report.book", bookName) + "  "
                + (from.equals(to) ? words.period(from) : words.label("report.periods", words.period(from), words.period(to))));
        cells.text(sheet.createRow(2), 0, words.label("report.unit"));
    }

    private static void figures(Row row, XlsxCells cells, Sides... columns) {
        for (int i = 0; i < columns.length; i++) {
            cells.fen(row, 2 + 2 * i, columns[i].debit().fen());
            cells.fen(row, 3 + 2 * i, columns[i].credit().fen());
        }
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256);
        }
    }

    /** The printed reports' words in one language. */
    private static final class Words {

        private final Locale locale;
        private final ResourceBundle bundle;
        private final DateTimeFormatter period;

        Words(Locale locale) {
            this.locale = locale;
            this.bundle = ResourceBundle.getBundle("i18n/reports", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            this.period = DateTimeFormatter.ofPattern(bundle.getString("format.period"), locale);
        }

        String label(String key, String... args) {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        }

        String period(String value) {
            return period.format(YearMonth.parse(value));
        }
    }
}
