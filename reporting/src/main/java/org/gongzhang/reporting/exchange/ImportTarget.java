package org.gongzhang.reporting.exchange;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherWord;

/** The book a file is imported into, as far as checking the file needs it. */
public interface ImportTarget {

    /** 科目表, disabled accounts included. */
    ChartOfAccounts chart();

    /** The book's first period (启用期间). */
    Period startPeriod();

    /** True when the period is closed (结账) and not reopened. */
    boolean isClosed(Period period);

    /**
     * The last 凭证号 posted for {@code word} in {@code period}, 0 when none. Numbers run from 1
     * without gaps, so every number up to it is taken.
     */
    int lastNumber(Period period, VoucherWord word);

    /**
     * The date of the voucher posted last for {@code word} in {@code period} (the one numbered
     * {@link #lastNumber}), empty when none: under 序时控制 no later number may go to an earlier date.
     */
    Optional<LocalDate> lastNumberedDate(Period period, VoucherWord word);

    /**
     * Posted vouchers of {@code word} numbered {@code number} and dated on {@code day} of any year:
     * the vouchers a red voucher's 摘要 ({@code 注销 3月15日 记-12号凭证}) may name.
     */
    List<BookVoucher> posted(VoucherWord word, int number, MonthDay day);
}
