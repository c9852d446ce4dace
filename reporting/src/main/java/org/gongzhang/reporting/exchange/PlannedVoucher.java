package org.gongzhang.reporting.exchange;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherWord;

/**
 * A voucher of a checked file, to be recorded, reviewed and posted so that it takes exactly the
 * 凭证号 the file gives it.
 *
 * @param firstRow    its first row in the file
 * @param lastRow     its last row
 * @param date        凭证日期
 * @param word        凭证字
 * @param number      凭证号, the number posting will give it
 * @param attachments 附单据数
 * @param lines       分录; amounts negative on a red voucher
 * @param reverses    for a red voucher (红字冲销) the voucher it cancels, else null
 */
public record PlannedVoucher(int firstRow, int lastRow, LocalDate date, VoucherWord word, int number,
        int attachments, List<VoucherLine> lines, Original reverses) {

    public PlannedVoucher {
        lines = List.copyOf(lines);
    }

    public Period period() {
        return Period.of(date);
    }

    /** 凭证字号 such as {@code 记-3}. */
    public String label() {
        return word.character() + "-" + number;
    }

    public boolean red() {
        return reverses != null;
    }

    /** The voucher a red voucher cancels: one the book holds, or one earlier in the same file. */
    public sealed interface Original permits InBook, InFile {
    }

    /** @param voucherId the posted voucher's id in the book */
    public record InBook(String voucherId) implements Original {
    }

    /** @param voucher the position of the cancelled voucher in {@link ImportPlan#vouchers()} */
    public record InFile(int voucher) implements Original {
    }
}
