package org.gongzhang.reporting.exchange;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the 用友/金蝶 voucher template, in their order: one row per voucher line, the
 * voucher's heading (日期, 凭证字, 凭证号, 附单据数, 制单人) repeated on each of its lines.
 */
public enum VoucherColumn {
    DATE("日期"),
    WORD("凭证字"),
    NUMBER("凭证号"),
    ATTACHMENTS("附单据数"),
    SUMMARY("摘要"),
    ACCOUNT("科目代码"),
    ACCOUNT_NAME("科目名称"),
    DEBIT("借方金额"),
    CREDIT("贷方金额"),
    PREPARER("制单人");

    private final String header;

    VoucherColumn(String header) {
        this.header = header;
    }

    /** The column's title in the header row, e.g. 借方金额. */
    public String header() {
        return header;
    }

    /** The column as a spreadsheet shows it: A for 日期 … J for 制单人. */
    public String letter() {
        return String.valueOf((char) ('A' + ordinal()));
    }

    /** The header row. */
    public static List<String> headers() {
        return Arrays.stream(values()).map(VoucherColumn::header).toList();
    }
}
