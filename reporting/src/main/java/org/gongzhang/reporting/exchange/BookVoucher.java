package org.gongzhang.reporting.exchange;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherWord;

/**
 * A posted voucher already in the book, as a red voucher in a file may cancel it.
 *
 * @param voucherId its id
 * @param date      凭证日期
 * @param word      凭证字
 * @param number    凭证号
 * @param lines     分录
 * @param reversed  true once a red voucher cancels it
 */
public record BookVoucher(String voucherId, LocalDate date, VoucherWord word, int number, List<VoucherLine> lines,
        boolean reversed) {

    public BookVoucher {
        lines = List.copyOf(lines);
    }
}
