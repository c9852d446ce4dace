package org.gongzhang.core.book.api.payload;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherWord;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code voucher.recorded}: 记账凭证 录入 by its preparer (制单).
 *
 * @param voucherId   the voucher's id (a UUID)
 * @param word        凭证字
 * @param date        凭证日期; its month is the voucher's period
 * @param attachments 附单据
 * @param corrects    the voucher this one corrects (订正), or null
 * @param lines       分录
 */
public record VoucherRecorded(String voucherId, VoucherWord word, LocalDate date, Attachments attachments,
        String corrects, List<VoucherLine> lines) {

    public static VoucherRecorded from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        String voucherId = p.id("voucherId", RefusalCode.VOUCHER_ID_INVALID);
        String word = p.string("word");
        return new VoucherRecorded(voucherId,
                VoucherWord.byCharacter(word).orElseThrow(() -> RefusalCode.VOUCHER_WORD_INVALID.at(p.path("word"), word)),
                p.date("date"), Attachments.read(p),
                p.has("corrects") ? p.id("corrects", RefusalCode.VOUCHER_ID_INVALID) : null,
                p.array("lines").stream().map(VoucherRecorded::line).toList());
    }

    private static VoucherLine line(PayloadReader item) {
        PayloadReader.SidedAmount sided = item.sided(RefusalCode.VOUCHER_LINE_BOTH_SIDES, RefusalCode.VOUCHER_LINE_NO_SIDE);
        return new VoucherLine(item.string("summary"), item.accountCode("account"), sided.side(), sided.amount());
    }

    /** 会计期间: the month of the voucher's date. */
    public Period period() {
        return Period.of(date);
    }

    /** 借方合计 or 贷方合计. */
    public Money total(Side side) {
        return lines.stream().filter(l -> l.side() == side).map(VoucherLine::amount).reduce(Money.ZERO, Money::plus);
    }
}
