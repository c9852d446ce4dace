package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_CORRECTS_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_DATE_BEFORE_NUMBERED;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_DATE_IN_FUTURE;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_ID_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_LINES_TOO_FEW;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_LINE_SUMMARY_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_LINE_SUMMARY_TOO_LONG;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_PERIOD_BEFORE_START;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_PERIOD_CLOSED;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_UNBALANCED;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.payload.VoucherRecorded;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherWord;

/**
 * 录入凭证: a new voucher has a fresh id, at least two lines with a 摘要 each on enabled leaf
 * accounts, equal debits and credits, a date no later than today in an open period and not before
 * the voucher its 凭证字 numbered last in that period (序时控制), consistent attachments, and names an
 * existing voucher if it corrects one (订正).
 */
final class VoucherRules {

    /** Longest 摘要 a line may carry. */
    static final int MAX_SUMMARY = 200;
    private static final String LINES = "entry.payload.lines";

    private final Accounts accounts;
    private final Periods periods;
    private final Vouchers vouchers;

    VoucherRules(Accounts accounts, Periods periods, Vouchers vouchers) {
        this.accounts = accounts;
        this.periods = periods;
        this.vouchers = vouchers;
    }

    void recorded(VoucherRecorded voucher, LocalDate today) {
        freshId(voucher.voucherId(), "entry.payload.voucherId");
        lines(voucher.lines());
        if (!voucher.total(Side.DEBIT).equals(voucher.total(Side.CREDIT))) {
            throw VOUCHER_UNBALANCED.at(LINES, voucher.total(Side.DEBIT), voucher.total(Side.CREDIT));
        }
        dated(voucher.date(), today, "entry.payload.date");
        inDateOrder(voucher.word(), voucher.date(), "entry.payload.date");
        AttachmentRules.check(voucher.attachments());
        if (voucher.corrects() != null && !vouchers.contains(voucher.corrects())) {
            throw VOUCHER_CORRECTS_UNKNOWN.at("entry.payload.corrects", voucher.corrects());
        }
    }

    void freshId(String voucherId, String field) {
        if (vouchers.contains(voucherId)) {
            throw VOUCHER_ID_DUPLICATE.at(field, voucherId);
        }
    }

    /** A voucher's date: not after today, in a period that has begun for the book and is open. */
    void dated(LocalDate date, LocalDate today, String field) {
        if (date.isAfter(today)) {
            throw VOUCHER_DATE_IN_FUTURE.at(field, date, today);
        }
        Period period = Period.of(date);
        if (period.isBefore(periods.start())) {
            throw VOUCHER_PERIOD_BEFORE_START.at(field, period, periods.start());
        }
        if (periods.isClosed(period)) {
            throw VOUCHER_PERIOD_CLOSED.at(field, period);
        }
    }

    /**
     * 序时控制 as 用友 applies it: 凭证号 follow dates within a period, so a voucher of a 凭证字 may not
     * be dated before the voucher that 凭证字 numbered last in the period. Checked when a voucher is
     * recorded (so it can still be posted) and again when it is posted, which gives the number.
     */
    void inDateOrder(VoucherWord word, LocalDate date, String field) {
        vouchers.lastNumberedDate(word, Period.of(date))
                .filter(last -> date.isBefore(LocalDate.parse(last)))
                .ifPresent(last -> {
                    throw VOUCHER_DATE_BEFORE_NUMBERED.at(field, date, word.character() + "-"
                            + vouchers.lastNumber(word, Period.of(date)), last);
                });
    }

    private void lines(List<VoucherLine> lines) {
        if (lines.size() < 2) {
            throw VOUCHER_LINES_TOO_FEW.at(LINES, lines.size());
        }
        for (int i = 0; i < lines.size(); i++) {
            String at = LINES + "[" + i + "]";
            String summary = lines.get(i).summary();
            Require.nonBlank(summary, VOUCHER_LINE_SUMMARY_BLANK, at + ".summary");
            if (summary.length() > MAX_SUMMARY) {
                throw VOUCHER_LINE_SUMMARY_TOO_LONG.at(at + ".summary", MAX_SUMMARY);
            }
            LineAccountRules.VOUCHER_LINE.check(lines.get(i).account(), accounts.chart(), at + ".account");
        }
    }
}
