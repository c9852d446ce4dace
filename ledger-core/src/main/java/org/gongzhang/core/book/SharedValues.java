package org.gongzhang.core.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherLine;

/**
 * One instance of each period and account code the books' states hold, shared by every voucher
 * that names it. Only values of accepted entries reach here (a voucher's accounts are in its
 * book's chart, its period is one the book keeps), so these maps grow with the charts and the
 * calendar, not with the entries.
 */
final class SharedValues {

    private static final Map<Period, Period> PERIODS = new ConcurrentHashMap<>();
    private static final Map<AccountCode, AccountCode> ACCOUNTS = new ConcurrentHashMap<>();

    private SharedValues() {
    }

    static Period period(Period period) {
        return period == null ? null : PERIODS.computeIfAbsent(period, p -> p);
    }

    static AccountCode account(AccountCode account) {
        return account == null ? null : ACCOUNTS.computeIfAbsent(account, a -> a);
    }

    /** The lines with shared account codes: the same list when they already are. */
    static List<VoucherLine> accounts(List<VoucherLine> lines) {
        if (lines == null || lines.stream().allMatch(l -> l.account() == account(l.account()))) {
            return lines;
        }
        List<VoucherLine> shared = new ArrayList<>(lines.size());
        for (VoucherLine line : lines) {
            shared.add(new VoucherLine(line.summary(), account(line.account()), line.side(), line.amount()));
        }
        return List.copyOf(shared);
    }
}
