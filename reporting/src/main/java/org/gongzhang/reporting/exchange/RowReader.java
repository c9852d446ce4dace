package org.gongzhang.reporting.exchange;

import static org.gongzhang.reporting.exchange.VoucherColumn.ACCOUNT;
import static org.gongzhang.reporting.exchange.VoucherColumn.ACCOUNT_NAME;
import static org.gongzhang.reporting.exchange.VoucherColumn.ATTACHMENTS;
import static org.gongzhang.reporting.exchange.VoucherColumn.CREDIT;
import static org.gongzhang.reporting.exchange.VoucherColumn.DATE;
import static org.gongzhang.reporting.exchange.VoucherColumn.DEBIT;
import static org.gongzhang.reporting.exchange.VoucherColumn.NUMBER;
import static org.gongzhang.reporting.exchange.VoucherColumn.SUMMARY;
import static org.gongzhang.reporting.exchange.VoucherColumn.WORD;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhang.core.account.Account;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.money.InvalidAmount;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.voucher.VoucherWord;

/**
 * Reads one row's cells as a voucher line, noting every problem of the row: dates as
 * {@code 2026-03-15} or {@code 2026/3/15}; 凭证字 记 收 付 转; 凭证号 a positive whole number;
 * 附单据数 a whole number (blank is 0); a 摘要; an enabled leaf account of the chart under its own
 * name; exactly one of 借方金额 / 贷方金额, a decimal with at most two places, not zero (negative only
 * on a red voucher, which the voucher checks decide). 制单人 is not read: whoever imports the file
 * records its vouchers and signs for them.
 */
final class RowReader {

    /** The longest 摘要 the ledger accepts on a line. */
    static final int MAX_SUMMARY = 200;

    private static final Pattern DATE_FORM = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final Pattern NUMBER_FORM = Pattern.compile("[1-9]\\d{0,8}");
    private static final Pattern COUNT_FORM = Pattern.compile("\\d{1,4}");
    private static final Pattern AMOUNT_FORM = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final ChartOfAccounts chart;
    private final List<FileProblem> problems;

    RowReader(ChartOfAccounts chart, List<FileProblem> problems) {
        this.chart = chart;
        this.problems = problems;
    }

    ParsedRow read(SheetRow cells) {
        int before = problems.size();
        int row = cells.row();
        LocalDate date = date(row, cells.cell(DATE));
        VoucherWord word = word(row, cells.cell(WORD));
        Integer number = number(row, cells.cell(NUMBER));
        Integer attachments = attachments(row, cells.cell(ATTACHMENTS));
        String summary = summary(row, cells.cell(SUMMARY));
        AccountCode account = account(row, cells.cell(ACCOUNT), cells.cell(ACCOUNT_NAME));
        String debit = cells.cell(DEBIT);
        String credit = cells.cell(CREDIT);
        Side side = side(row, debit, credit);
        Long fen = side == null ? null
                : amount(row, side == Side.DEBIT ? DEBIT : CREDIT, side == Side.DEBIT ? debit : credit);
        return new ParsedRow(row, date, word, number, attachments, summary, account, side, fen,
                problems.size() == before);
    }

    private LocalDate date(int row, String text) {
        if (text.isEmpty()) {
            return missing(row, DATE);
        }
        Matcher m = DATE_FORM.matcher(text);
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                // refused below
            }
        }
        return problem(row, DATE, "import.date.invalid", text);
    }

    private VoucherWord word(int row, String text) {
        if (text.isEmpty()) {
            return missing(row, WORD);
        }
        return VoucherWord.byCharacter(text).orElseGet(() -> problem(row, WORD, "import.word.invalid", text));
    }

    private Integer number(int row, String text) {
        if (text.isEmpty()) {
            return missing(row, NUMBER);
        }
        return NUMBER_FORM.matcher(text).matches() ? Integer.valueOf(text)
                : problem(row, NUMBER, "import.number.invalid", text);
    }

    private Integer attachments(int row, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        return COUNT_FORM.matcher(text).matches() ? Integer.valueOf(text)
                : problem(row, ATTACHMENTS, "import.attachments.invalid", text);
    }

    private String summary(int row, String text) {
        if (text.isEmpty()) {
            return problem(row, SUMMARY, "import.summary.blank");
        }
        return text.length() <= MAX_SUMMARY ? text
                : problem(row, SUMMARY, "import.summary.too-long", text.length(), MAX_SUMMARY);
    }

    private AccountCode account(int row, String code, String name) {
        if (code.isEmpty()) {
            return missing(row, ACCOUNT);
        }
        if (!AccountCode.isValid(code)) {
            return problem(row, ACCOUNT, "import.account.invalid", code);
        }
        AccountCode account = AccountCode.of(code);
        Optional<Account> known = chart.find(account);
        if (known.isEmpty()) {
            return problem(row, ACCOUNT, "import.account.unknown", code);
        }
        if (!chart.isLeaf(account)) {
            problem(row, ACCOUNT, "import.account.not-leaf", code);
        } else if (!known.get().enabled()) {
            problem(row, ACCOUNT, "import.account.disabled", code);
        }
        if (!known.get().name().equals(name)) {
            problem(row, ACCOUNT_NAME, "import.account.name-mismatch", name, code, known.get().name());
        }
        return account;
    }

    private Side side(int row, String debit, String credit) {
        if (!debit.isEmpty() && !credit.isEmpty()) {
            return problem(row, DEBIT, "import.amount.both-sides", debit, credit);
        }
        if (debit.isEmpty() && credit.isEmpty()) {
            return problem(row, DEBIT, "import.amount.missing");
        }
        return debit.isEmpty() ? Side.CREDIT : Side.DEBIT;
    }

    /** The amount in 分, negative when written with a minus sign; null when it is not an amount. */
    private Long amount(int row, VoucherColumn column, String text) {
        if (!AMOUNT_FORM.matcher(text).matches()) {
            return problem(row, column, "import.amount.malformed", text);
        }
        boolean negative = text.startsWith("-");
        try {
            long fen = Money.parse(negative ? text.substring(1) : text).fen();
            return negative ? -fen : fen;
        } catch (InvalidAmount e) {
            return switch (e.problem()) {
                case TOO_MANY_DECIMALS -> problem(row, column, "import.amount.too-many-decimals", text);
                case NOT_POSITIVE -> problem(row, column, "import.amount.zero", text);
                case TOO_LARGE -> problem(row, column, "import.amount.too-large", text, Money.MAX_ENTRY_AMOUNT.format());
                case MALFORMED -> problem(row, column, "import.amount.malformed", text);
            };
        }
    }

    private <T> T missing(int row, VoucherColumn column) {
        return problem(row, column, "import.cell.missing", column.header());
    }

    private <T> T problem(int row, VoucherColumn column, String code, Object... args) {
        problems.add(FileProblem.at(row, column, code, args));
        return null;
    }
}
