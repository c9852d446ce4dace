package org.gongzhang.reporting.api;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One 记账凭证 with its lines and totals, 合计 also in 大写.
 *
 * @param book         the book
 * @param appliedIndex the last entry of the book's log the read model has applied
 * @param voucher      the voucher's heading and state
 * @param lines        分录
 * @param totals       借方合计 / 贷方合计
 * @param totalInWords 合计 in 大写, e.g. 壹仟捌佰陆拾元整
 */
public record VoucherView(String book, long appliedIndex, VoucherSummary voucher, List<VoucherLineView> lines,
        Sides totals, String totalInWords) {

    public VoucherView {
        lines = List.copyOf(lines);
    }

    /** The same voucher with its 制单, 审核 and 记账 people as {@code names} calls them (an actor id in, a name out). */
    public VoucherView withPeople(UnaryOperator<String> names) {
        VoucherSummary v = voucher;
        return new VoucherView(book, appliedIndex, new VoucherSummary(v.voucherId(), v.word(), v.number(),
                v.voucherNumber(), v.date(), v.period(), v.status(), v.summary(), v.total(), v.attachments(),
                names.apply(v.preparer()), names.apply(v.reviewer()), names.apply(v.poster()), v.red(), v.reverses(),
                v.corrects(), v.reversedBy(), v.recordedIndex(), v.postedIndex()), lines, totals, totalInWords);
    }
}
