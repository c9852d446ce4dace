package org.gongzhang.reporting.pdf;

import java.util.HashMap;
import java.util.Map;
import org.gongzhang.reporting.api.VoucherLineView;
import org.gongzhang.reporting.api.VoucherSigners;
import org.gongzhang.reporting.api.VoucherSummary;
import org.gongzhang.reporting.api.VoucherView;

/**
 * Fills {@code voucher.jrxml}: a 记账凭证 as accountants know it from paper, 凭证字号, date,
 * 附单据 N 张, one line per 分录 with its amount in digit columns, 合计 also in 大写, and the
 * signature row 制单 / 审核 / 记账, each name marked 本人签名 or 服务代签 when known.
 */
final class VoucherPrint {

    private VoucherPrint() {
    }

    static Filling of(VoucherView view, String bookName, VoucherSigners signers, ReportText text) {
        VoucherSummary voucher = view.voucher();
        Filling filling = new Filling()
                .parameter("title", text.label(voucher.red() ? "voucher.title.red" : "voucher.title"))
                .parameter("book", text.labelOrDash("report.book", bookName))
                .parameter("number", text.labelOrDash("voucher.number", voucher.voucherNumber()))
                .parameter("date", text.label("voucher.date", text.date(voucher.date())))
                .parameter("attachments", text.label("voucher.attachments", Integer.toString(voucher.attachments())))
                .parameter("status", text.label("voucher.status", text.label("voucher.status." + voucher.status())))
                .parameter("totalWords", text.label("voucher.total.words", view.totalInWords()))
                .parameter("preparer", signature(text, "voucher.preparer", voucher.preparer(), signers.preparer()))
                .parameter("reviewer", signature(text, "voucher.reviewer", voucher.reviewer(), signers.reviewer()))
                .parameter("poster", signature(text, "voucher.poster", voucher.poster(), signers.poster()));
        Map<String, Object> totals = new HashMap<>();
        DigitColumns.of(view.totals().debit()).into("td", totals);
        DigitColumns.of(view.totals().credit()).into("tc", totals);
        totals.forEach(filling::parameter);
        for (VoucherLineView line : view.lines()) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("summary", line.summary());
            fields.put("account", line.accountName() == null ? line.account() : line.account() + " " + line.accountName());
            DigitColumns.of(line.debit()).into("d", fields);
            DigitColumns.of(line.credit()).into("c", fields);
            filling.row(line.debit().fen() < 0 || line.credit().fen() < 0 ? "RED" : "LINE", fields);
        }
        return filling;
    }

    /** 制单：李娜（服务代签）: the name, and whose key signed when known; "—" for a step not taken. */
    private static String signature(ReportText text, String key, String name, String signer) {
        return name == null || signer == null ? text.labelOrDash(key, name)
                : text.label(key, name + text.label("voucher.signed." + signer));
    }
}
