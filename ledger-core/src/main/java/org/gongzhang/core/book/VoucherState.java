package org.gongzhang.core.book;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherStatus;
import org.gongzhang.core.voucher.VoucherWord;

/**
 * What the book remembers of one voucher: enough to enforce the workflow, number it, close its
 * period and reverse it. Lines keep account, side and amount only.
 *
 * @param preparer the actor who recorded it (制单)
 * @param word     凭证字
 * @param date     凭证日期, ISO
 * @param period   会计期间
 * @param status   where it stands
 * @param number   凭证号 once posted, else 0
 * @param reversed true once a red voucher cancels it
 * @param lines    account, side and amount of each line
 */
record VoucherState(String preparer, VoucherWord word, String date, Period period, VoucherStatus status, int number,
        boolean reversed, List<VoucherLine> lines) {

    /**
     * What thousands of a book's vouchers repeat (who prepared them, their dates, periods and
     * accounts) is one shared instance, not a copy per voucher, whether the state was built from an
     * entry or restored from a snapshot: a book in the service's cache keeps every voucher's state
     * (471 bytes per posted two-line voucher before, 152 after, as {@code BookFootprint} measures it).
     */
    VoucherState {
        preparer = preparer == null ? null : preparer.intern();
        date = date == null ? null : date.intern();
        period = SharedValues.period(period);
        lines = SharedValues.accounts(lines);
    }

    static VoucherState recorded(String preparer, VoucherWord word, LocalDate date, List<VoucherLine> lines) {
        List<VoucherLine> kept = lines.stream()
                .map(l -> new VoucherLine(null, l.account(), l.side(), l.amount())).toList();
        return new VoucherState(preparer, word, date.toString(), Period.of(date), VoucherStatus.RECORDED, 0, false, kept);
    }

    LocalDate localDate() {
        return LocalDate.parse(date);
    }

    VoucherState with(VoucherStatus next) {
        return new VoucherState(preparer, word, date, period, next, number, reversed, lines);
    }

    VoucherState posted(int assigned) {
        return new VoucherState(preparer, word, date, period, VoucherStatus.POSTED, assigned, reversed, lines);
    }

    VoucherState markReversed() {
        return new VoucherState(preparer, word, date, period, status, number, true, lines);
    }
}
