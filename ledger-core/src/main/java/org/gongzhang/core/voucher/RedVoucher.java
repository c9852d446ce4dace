package org.gongzhang.core.voucher;

import java.time.LocalDate;
import java.util.List;

/**
 * 红字冲销: how a red voucher is derived from the posted voucher it cancels. Every verifier and
 * read model derives the same lines and summary from the log.
 */
public final class RedVoucher {

    private RedVoucher() {
    }

    /** 摘要 of a red voucher, e.g. {@code 注销 3月15日 记-12号凭证}. */
    public static String summary(LocalDate originalDate, VoucherWord word, int number) {
        return "注销 " + originalDate.getMonthValue() + "月" + originalDate.getDayOfMonth() + "日 "
                + word.character() + "-" + number + "号凭证";
    }

    /** The original's lines with amounts negated and the red summary. */
    public static List<VoucherLine> lines(List<VoucherLine> original, String summary) {
        return original.stream().map(line -> line.red(summary)).toList();
    }
}
