package org.gongzhang.reporting.api;

import java.util.List;

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
}
