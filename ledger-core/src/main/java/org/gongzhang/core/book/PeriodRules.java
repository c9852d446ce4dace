package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.PERIOD_CLOSE_NUMBERING_GAP;
import static org.gongzhang.core.book.api.RefusalCode.PERIOD_CLOSE_OUT_OF_ORDER;
import static org.gongzhang.core.book.api.RefusalCode.PERIOD_CLOSE_TRIAL_BALANCE;
import static org.gongzhang.core.book.api.RefusalCode.PERIOD_CLOSE_UNPOSTED_VOUCHERS;
import static org.gongzhang.core.book.api.RefusalCode.PERIOD_REOPEN_NONE_CLOSED;
import static org.gongzhang.core.book.api.RefusalCode.PERIOD_REOPEN_NOT_LATEST;
import static org.gongzhang.core.book.api.RefusalCode.PERIOD_REOPEN_REASON_BLANK;

import java.util.List;
import java.util.stream.IntStream;
import org.gongzhang.core.book.api.payload.PeriodReopened;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherStatus;
import org.gongzhang.core.voucher.VoucherWord;

/**
 * 结账 and 反结账: periods close in order from the book's first; a period closes only when every
 * voucher in it is posted or voided, each 凭证字 is numbered 1…n without gaps, and the trial
 * balance balances. Only the latest closed period reopens, with a reason.
 */
final class PeriodRules {

    private static final String PERIOD = "entry.payload.period";

    private PeriodRules() {
    }

    static void closed(Period period, Periods periods, Vouchers vouchers, Balances balances) {
        if (!period.equals(periods.nextToClose())) {
            throw PERIOD_CLOSE_OUT_OF_ORDER.at(PERIOD, periods.nextToClose());
        }
        long unposted = vouchers.inPeriod(period)
                .filter(v -> v.status() == VoucherStatus.RECORDED || v.status() == VoucherStatus.REVIEWED).count();
        if (unposted > 0) {
            throw PERIOD_CLOSE_UNPOSTED_VOUCHERS.at(PERIOD, period, unposted);
        }
        for (VoucherWord word : VoucherWord.values()) {
            if (!gapFree(period, word, vouchers)) {
                throw PERIOD_CLOSE_NUMBERING_GAP.at(PERIOD, period, word);
            }
        }
        if (!balances.debitTotal().equals(balances.creditTotal())) {
            throw PERIOD_CLOSE_TRIAL_BALANCE.at(PERIOD, balances.debitTotal(), balances.creditTotal());
        }
    }

    static void reopened(PeriodReopened reopened, Periods periods) {
        Period latest = periods.lastClosed().orElseThrow(() -> PERIOD_REOPEN_NONE_CLOSED.at(PERIOD));
        if (!reopened.period().equals(latest)) {
            throw PERIOD_REOPEN_NOT_LATEST.at(PERIOD, latest);
        }
        Require.nonBlank(reopened.reason(), PERIOD_REOPEN_REASON_BLANK, "entry.payload.reason");
    }

    private static boolean gapFree(Period period, VoucherWord word, Vouchers vouchers) {
        List<Integer> numbers = vouchers.inPeriod(period)
                .filter(v -> v.word() == word && v.status() == VoucherStatus.POSTED)
                .map(VoucherState::number).sorted().toList();
        return numbers.equals(IntStream.rangeClosed(1, numbers.size()).boxed().toList())
                && numbers.size() == vouchers.lastNumber(word, period);
    }
}
